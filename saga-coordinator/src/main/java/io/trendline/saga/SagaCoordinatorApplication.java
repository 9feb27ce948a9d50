package io.trendline.saga;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The saga coordinator as its own service (distributed mode): the premium-purchase saga and its deadlines. */
@SpringBootApplication
public class SagaCoordinatorApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(SagaCoordinatorApplication.class);
        app.setAdditionalProfiles("saga-coordinator");
        app.run(args);
    }
}
