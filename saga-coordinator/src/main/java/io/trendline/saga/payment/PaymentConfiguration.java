package io.trendline.saga.payment;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration
@EnableConfigurationProperties(PaymentSettings.class)
class PaymentConfiguration {

    /** The standalone default; a real provider is another {@link PaymentProcessor} bean. */
    @Bean
    @ConditionalOnMissingBean(PaymentProcessor.class)
    @ConditionalOnProperty(name = "trendline.payment.processor", havingValue = "simulated", matchIfMissing = true)
    SimulatedPaymentProcessor simulatedPaymentProcessor(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                                        PaymentSettings settings) {
        return new SimulatedPaymentProcessor(jdbc, transactions, settings, Clock.systemUTC());
    }
}
