package io.trendline.saga.receipt;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The SMTP server receipts go through ({@code TRENDLINE_SMTP_HOST}, {@code _PORT}, {@code _USERNAME}, ...). */
@ConfigurationProperties("trendline.smtp")
public record SmtpSettings(String host, @DefaultValue("587") int port, String username, String password,
                           @DefaultValue("false") boolean starttls) {
}
