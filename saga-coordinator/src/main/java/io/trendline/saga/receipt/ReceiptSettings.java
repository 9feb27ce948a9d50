package io.trendline.saga.receipt;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from             the sender of receipt mails ({@code TRENDLINE_SMTP_FROM})
 * @param recipientDomain  the domain of a user id that is not itself an address, until accounts answer with the
 *                         user's address ({@code TRENDLINE_RECEIPT_RECIPIENT_DOMAIN})
 */
@ConfigurationProperties("trendline.receipts")
public record ReceiptSettings(@DefaultValue("receipts@trendline.local") String from,
                              @DefaultValue("users.trendline.local") String recipientDomain) {
}
