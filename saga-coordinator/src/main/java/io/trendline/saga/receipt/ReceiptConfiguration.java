package io.trendline.saga.receipt;

import java.util.Properties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

@Configuration
@EnableConfigurationProperties({ReceiptSettings.class, SmtpSettings.class})
class ReceiptConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ReceiptRecipients receiptRecipients(ReceiptSettings settings) {
        return userId -> userId.contains("@") ? userId : userId + "@" + settings.recipientDomain();
    }

    /**
     * Only with a host configured. Spring Boot's own mail auto-configuration would create a sender for an empty
     * {@code spring.mail.host} (pointing at localhost), so the platform's variables bind here instead.
     */
    @Bean
    @ConditionalOnExpression("!'${trendline.smtp.host:}'.isBlank()")
    JavaMailSenderImpl receiptMailSender(SmtpSettings smtp) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(smtp.host());
        sender.setPort(smtp.port());
        Properties properties = sender.getJavaMailProperties();
        if (smtp.username() != null && !smtp.username().isBlank()) {
            sender.setUsername(smtp.username());
            sender.setPassword(smtp.password());
            properties.put("mail.smtp.auth", "true");
        }
        properties.put("mail.smtp.starttls.enable", Boolean.toString(smtp.starttls()));
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        return sender;
    }
}
