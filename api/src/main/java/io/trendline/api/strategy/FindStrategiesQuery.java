package io.trendline.api.strategy;

/** The strategies of one owner ({@code null} for every owner), newest first. */
public record FindStrategiesQuery(String ownerId, boolean includeArchived, int offset, int limit) {
}
