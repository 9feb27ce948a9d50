package io.trendline.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The edge as its own service (distributed mode): REST and WebSocket API and the single-page app. */
@SpringBootApplication
public class WebUiApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(WebUiApplication.class);
        app.setAdditionalProfiles("web-ui");
        app.run(args);
    }
}
