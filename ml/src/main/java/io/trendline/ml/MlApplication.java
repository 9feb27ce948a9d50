package io.trendline.ml;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The models as their own service (distributed mode): training, evaluation and serving of predictions. */
@SpringBootApplication
public class MlApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(MlApplication.class);
        app.setAdditionalProfiles("ml");
        app.run(args);
    }
}
