package io.trendline.saga.receipt;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(ReceiptSettings.class)
class ReceiptConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ReceiptRecipients receiptRecipients(ReceiptSettings settings) {
        return userId -> userId.contains("@") ? userId : userId + "@" + settings.recipientDomain();
    }
}
