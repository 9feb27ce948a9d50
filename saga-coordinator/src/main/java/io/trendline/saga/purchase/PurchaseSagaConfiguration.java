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
     * would leave a purchase half done. Several segments: each saga instance belongs to one (Axon assigns the saga
     * id to the segment that handled its start), so its events stay in order while sagas run in parallel.
     */
    @Autowired
    void configure(EventProcessingConfigurer processing, PurchaseSettings settings) {
        processing.registerTrackingEventProcessorConfiguration(PremiumPurchaseSaga.PROCESSING_GROUP,
                        configuration -> TrackingEventProcessorConfiguration
                                .forParallelProcessing(settings.sagaThreads())
                                .andInitialSegmentsCount(settings.sagaThreads())
                                .andBatchSize(settings.sagaBatchSize())
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken))
                .registerListenerInvocationErrorHandler(PremiumPurchaseSaga.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance());
    }
}
