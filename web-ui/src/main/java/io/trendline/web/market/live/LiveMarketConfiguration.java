package io.trendline.web.market.live;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

/**
 * The STOMP endpoint {@code /ws} with an in-memory broker for {@code /topic}, and the Kafka consumer that feeds it.
 * Every instance of the edge must push every message to its own clients, so each reads the topics in a consumer
 * group of its own from their end, and commits nothing: a live feed has nothing to resume.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafka
@EnableWebSocketMessageBroker
@ConditionalOnProperty(name = "trendline.market.live.enabled", matchIfMissing = true)
class LiveMarketConfiguration implements WebSocketMessageBrokerConfigurer {

    static final String FACTORY = "liveMarketContainerFactory";

    private final String[] allowedOrigins;

    LiveMarketConfiguration(@Value("${trendline.market.live.allowed-origins:*}") String[] allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        // Origins are not the gate: a CONNECT needs a bearer token, which another site's page does not have.
        registry.addEndpoint("/ws").setAllowedOriginPatterns(allowedOrigins);
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.enableSimpleBroker("/topic");
        registry.setApplicationDestinationPrefixes("/app");
    }

    @Bean(FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, String> liveMarketContainerFactory(KafkaProperties kafka,
                                                                                      ObjectProvider<SslBundles> ssl) {
        Map<String, Object> props = new HashMap<>(kafka.buildConsumerProperties(ssl.getIfAvailable()));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "web-live-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        var factory = new ConcurrentKafkaListenerContainerFactory<String, String>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(props));
        factory.setBatchListener(true);
        return factory;
    }
}
