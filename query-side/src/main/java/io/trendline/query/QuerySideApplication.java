package io.trendline.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The query side as its own service (distributed mode): projections and the queries they answer. */
@SpringBootApplication
public class QuerySideApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(QuerySideApplication.class);
        app.setAdditionalProfiles("query-side");
        app.run(args);
    }
}
