package io.trendline.saga.purchase;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(PurchaseSettings.class)
class PurchaseSagaConfiguration {

    /**
     * The saga processor starts at the head of the stream (a new deployment must not start sagas for purchases of
     * the past), and a failing handler rolls back and retries the event instead of being logged and skipped, which
     * would leave a purchase half done.
     */
    @Autowired
    void configure(EventProcessingConfigurer processing) {
        processing.registerTrackingEventProcessorConfiguration(PremiumPurchaseSaga.PROCESSING_GROUP,
                        configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken))
                .registerListenerInvocationErrorHandler(PremiumPurchaseSaga.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance());
    }
}
