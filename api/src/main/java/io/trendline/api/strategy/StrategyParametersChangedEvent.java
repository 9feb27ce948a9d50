package io.trendline.api.strategy;

import java.math.BigDecimal;
import java.util.Map;
import org.axonframework.serialization.Revision;

@Revision("1")
public record StrategyParametersChangedEvent(String strategyId, Map<String, BigDecimal> parameters,
                                             Map<String, BigDecimal> previousParameters) {
}
