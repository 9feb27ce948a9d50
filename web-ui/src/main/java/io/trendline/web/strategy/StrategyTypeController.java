package io.trendline.web.strategy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trendline.api.strategy.ParameterSpec;
import io.trendline.api.strategy.StrategyType;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The catalogue of strategy types, so clients can build a parameter form without hard-coding it. */
@RestController
@Tag(name = "strategies")
class StrategyTypeController {

    record TypeInfo(StrategyType type, List<ParameterSpec> parameters) {
    }

    @GetMapping("/api/strategy-types")
    @Operation(summary = "Every strategy type with its parameters, their bounds and defaults")
    List<TypeInfo> types() {
        return Arrays.stream(StrategyType.values()).map(t -> new TypeInfo(t, t.parameters())).toList();
    }
}
