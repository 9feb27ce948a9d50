package io.trendline.ingestion.binance;

import io.trendline.ingestion.publish.KlinePublisher;
import io.trendline.ingestion.publish.KlinePublishingConfiguration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The Binance collector, on unless {@code trendline.ingestion.binance.enabled=false}. Symbols from
 * {@code trendline.symbols}; the rest from {@link BinanceProperties}. A {@link LastCandleStore} bean of the
 * application's own replaces the default, which reads the closed-candle topic.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "trendline.ingestion.binance.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(BinanceProperties.class)
@Import(KlinePublishingConfiguration.class)
public class BinanceCollectorConfiguration {

    /** Records to look through per partition for a symbol's last candle before giving up (about a day of both). */
    private static final long MAX_SCAN = 200_000;

    /** Resume stores per source; the default reads the closed-candle topic. */
    public interface LastCandleStores extends Function<String, LastCandleStore> {
    }

    @Bean
    @ConditionalOnMissingBean
    public LastCandleStores lastCandleStores(KafkaProperties kafka, KlinePublisher publisher) {
        return source -> new KafkaLastCandleStore(kafka.buildConsumerProperties(null), publisher.topics().closed(),
                source, MAX_SCAN);
    }

    @Bean
    public BinanceCollectorService binanceCollectorService(BinanceProperties properties, Environment environment,
                                                           KlinePublisher publisher, LastCandleStores stores) {
        List<String> symbols = Binder.get(environment).bind("trendline.symbols", Bindable.listOf(String.class))
                .orElse(List.of("BTCUSDT", "ETHUSDT")).stream().map(s -> s.trim().toUpperCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).distinct().toList();
        return new BinanceCollectorService(properties, symbols, publisher, stores);
    }

    @Bean
    public BinanceCollectorHealth binanceCollectorHealthIndicator(BinanceCollectorService service,
                                                                  BinanceProperties properties) {
        return new BinanceCollectorHealth(service, properties.getDownAfter());
    }
}
