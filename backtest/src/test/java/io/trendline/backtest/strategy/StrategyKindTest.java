package io.trendline.backtest.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trendline.api.strategy.ParameterSpec;
import io.trendline.api.strategy.StrategyType;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The engine's catalogue mirrors the api's {@link StrategyType} exactly, so every strategy a trader defines runs. */
class StrategyKindTest {

    @Test
    void theCatalogueHasExactlyTheApisStrategyTypes() {
        assertThat(Arrays.stream(StrategyKind.values()).map(Enum::name))
                .containsExactlyElementsOf(Arrays.stream(StrategyType.values()).map(Enum::name).toList());
    }

    @ParameterizedTest
    @EnumSource(StrategyType.class)
    void eachKindTakesTheApisParametersWithTheSameBoundsAndDefaults(StrategyType type) {
        // given
        StrategyKind kind = StrategyKind.valueOf(type.name());
        // then
        assertThat(kind.parameters()).hasSameSizeAs(type.parameters());
        for (int i = 0; i < type.parameters().size(); i++) {
            ParameterSpec theirs = type.parameters().get(i);
            Parameter ours = kind.parameters().get(i);
            assertThat(ours.name()).isEqualTo(theirs.name());
            assertThat(ours.min()).isEqualTo(theirs.min().doubleValue());
            assertThat(ours.max()).isEqualTo(theirs.max().doubleValue());
            assertThat(ours.integer()).isEqualTo(theirs.integer());
            assertThat(ours.defaultValue()).isEqualTo(theirs.defaultValue().doubleValue());
        }
    }

    @ParameterizedTest
    @EnumSource(StrategyKind.class)
    void eachKindBuildsFromItsDefaults(StrategyKind kind) {
        assertThat(kind.create(Map.of()).warmupBars()).isNotNegative();
    }

    @Test
    void aParameterOutOfBoundsIsRefusedWithTheBounds() {
        assertThatThrownBy(() -> StrategyKind.RSI_MEAN_REVERSION.create(Map.of("period", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RSI_MEAN_REVERSION: period must be between 2 and 500, was 1");
    }
}
