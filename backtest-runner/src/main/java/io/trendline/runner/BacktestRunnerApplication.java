package io.trendline.runner;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The backtest runner as its own service (distributed mode): runs requested backtests and keeps their trades and
 * curves. CPU-bound, so it scales apart from the rest.
 */
@SpringBootApplication
public class BacktestRunnerApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(BacktestRunnerApplication.class);
        app.setAdditionalProfiles("backtest-runner");
        app.run(args);
    }
}
