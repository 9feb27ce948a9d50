package io.trendline.saga.receipt;

import io.trendline.api.account.FindContactAddressQuery;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

@Configuration
@EnableConfigurationProperties({ReceiptSettings.class, SmtpSettings.class})
class ReceiptConfiguration {

    /**
     * The account's address, asked of the accounts at the edge; a user the accounts do not know (one created by a
     * command rather than by registration) is written to at the configured domain, so the receipt is not lost.
     */
    @Bean
    @ConditionalOnMissingBean
    ReceiptRecipients receiptRecipients(QueryGateway queries, ReceiptSettings settings) {
        return userId -> {
            Optional<String> address;
            try {
                address = queries.query(new FindContactAddressQuery(userId),
                        ResponseTypes.optionalInstanceOf(String.class)).get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while asking for the address of " + userId, e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("the accounts did not answer with the address of " + userId, e);
            }
            return address.orElseGet(() -> userId + "@" + settings.recipientDomain());
        };
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
