package io.trendline.api.strategy;

import java.util.List;

public record StrategyList(List<StrategyView> strategies, long total) {
}
