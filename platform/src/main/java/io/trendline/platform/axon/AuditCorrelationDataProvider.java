package io.trendline.platform.axon;

import io.trendline.api.common.AuditMetaData;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * Copies the audit trail onto every message produced while handling another: the causation id is the handled
 * message's id, the correlation id is carried over from the first message of the chain, and the issuing user and
 * time are carried over unchanged. Axon's own {@code MessageOriginProvider} names these differently (its
 * "correlationId" is the direct cause), so this provider replaces it.
 */
public class AuditCorrelationDataProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        Map<String, ?> source = message.getMetaData();
        data.put(AuditMetaData.CAUSATION_ID, message.getIdentifier());
        Object correlation = source.get(AuditMetaData.CORRELATION_ID);
        data.put(AuditMetaData.CORRELATION_ID, correlation != null ? correlation : message.getIdentifier());
        Object user = source.get(AuditMetaData.USER_ID);
        data.put(AuditMetaData.USER_ID, user != null ? user : AuditMetaData.SYSTEM_USER);
        Object issuedAt = source.get(AuditMetaData.ISSUED_AT);
        if (issuedAt != null) {
            data.put(AuditMetaData.ISSUED_AT, issuedAt);
        }
        return data;
    }
}
