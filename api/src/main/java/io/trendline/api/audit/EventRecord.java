package io.trendline.api.audit;

import java.time.Instant;
import java.util.Map;

/** One stored event as an auditor sees it: where it sits, what it says and the metadata that traces its cause. */
public record EventRecord(String eventId, String aggregateId, long sequenceNumber, String type, String revision,
                          Instant timestamp, Map<String, Object> payload, Map<String, Object> metaData) {
}
