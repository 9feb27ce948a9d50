package io.trendline.api.audit;

import java.util.List;

public record AggregateHistory(String aggregateId, List<EventRecord> events) {
}
