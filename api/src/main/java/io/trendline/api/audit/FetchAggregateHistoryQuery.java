package io.trendline.api.audit;

/** The events of one aggregate in order, optionally only those up to a moment (to see its state as it was then). */
public record FetchAggregateHistoryQuery(String aggregateId, java.time.Instant asOf) {
}
