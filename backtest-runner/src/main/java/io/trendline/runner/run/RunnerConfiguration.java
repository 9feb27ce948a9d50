package io.trendline.runner.run;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The runner's processor hands errors back to the processor instead of logging and skipping the event (Axon's
 * default): a request skipped would stay "requested" for ever, while a retried one completes once the store is back.
 */
@Configuration(proxyBeanMethods = false)
class RunnerConfiguration {

    @Bean
    ConfigurerModule backtestRunnerErrorHandling() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                BacktestRunner.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }
}
