package io.trendline.saga.receipt;

import io.trendline.api.subscription.PremiumPurchaseCompletedEvent;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Mails the receipt of each completed purchase. A mail server that fails makes the handler fail, and the event goes to
 * this group's dead-letter queue, to be sent again by the retry task; it never holds up purchases. Without an SMTP
 * host configured (the standalone default) the receipt is only logged: the receipts API still lists it. Never
 * replayed: a replay must not mail anyone again.
 */
@Component
@ProcessingGroup(ReceiptMailer.PROCESSING_GROUP)
public class ReceiptMailer {

    public static final String PROCESSING_GROUP = "receipt-mailer";
    private static final Logger log = LoggerFactory.getLogger(ReceiptMailer.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final ReceiptRecipients recipients;
    private final ReceiptSettings settings;

    ReceiptMailer(ObjectProvider<JavaMailSender> mail, ReceiptRecipients recipients, ReceiptSettings settings) {
        this.mail = mail;
        this.recipients = recipients;
        this.settings = settings;
    }

    @DisallowReplay
    @EventHandler
    void on(PremiumPurchaseCompletedEvent event, @Timestamp Instant issuedAt) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.from());
        message.setTo(recipients.addressOf(event.userId()));
        message.setSubject("Trendline receipt " + event.receiptNumber() + ": Premium " + event.plan());
        message.setText(String.join("\n",
                "Thank you for your purchase.",
                "",
                "Receipt:        " + event.receiptNumber(),
                "Issued:         " + issuedAt,
                "Plan:           Premium " + event.plan(),
                "Amount paid:    " + event.price(),
                "Premium until:  " + event.validUntil(),
                "Purchase:       " + event.purchaseId(),
                "Payment:        " + event.transactionId() + " (processor reference " + event.processorReference()
                        + ")",
                ""));
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            log.info("no SMTP server configured (TRENDLINE_SMTP_HOST); receipt {} for {} is stored, not mailed",
                    event.receiptNumber(), event.userId());
            return;
        }
        sender.send(message);
        log.info("receipt {} mailed to {}", event.receiptNumber(), message.getTo()[0]);
    }
}
