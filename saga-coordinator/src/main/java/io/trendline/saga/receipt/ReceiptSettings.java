package io.trendline.saga.receipt;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from             the sender of receipt mails ({@code TRENDLINE_SMTP_FROM})
 * @param recipientDomain  where a user the accounts do not know is written to, as {@code <userId>@<domain>}
 *                         ({@code TRENDLINE_RECEIPT_RECIPIENT_DOMAIN})
 */
@ConfigurationProperties("trendline.receipts")
public record ReceiptSettings(@DefaultValue("receipts@trendline.local") String from,
                              @DefaultValue("users.trendline.local") String recipientDomain) {
}
