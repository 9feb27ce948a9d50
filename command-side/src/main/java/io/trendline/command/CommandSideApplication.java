package io.trendline.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The command side as its own service (distributed mode): the aggregates behind Axon Server. */
@SpringBootApplication
public class CommandSideApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(CommandSideApplication.class);
        app.setAdditionalProfiles("command-side");
        app.run(args);
    }
}
