package io.trendline.ingestion;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Ingestion as its own service (distributed mode): market data and news into Kafka and ClickHouse. */
@SpringBootApplication
public class IngestionApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(IngestionApplication.class);
        app.setAdditionalProfiles("ingestion");
        app.run(args);
    }
}
