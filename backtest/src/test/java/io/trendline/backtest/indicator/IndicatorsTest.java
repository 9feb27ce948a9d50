package io.trendline.backtest.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Hand-worked values; the comparison with ta4j is in {@link IndicatorsMatchTa4jTest}. */
class IndicatorsTest {

    @Test
    void smaAveragesTheLastPeriodValuesAndWhatItHasBeforeThat() {
        Sma sma = new Sma(3);
        assertThat(new double[] {sma.update(1), sma.update(2), sma.update(3), sma.update(4), sma.update(5)})
                .containsExactly(1, 1.5, 2, 3, 4);
        assertThat(sma.ready()).isTrue();
    }

    @Test
    void emaStartsFromTheFirstValueAndWeighsEachNewOneByTwoOverPeriodPlusOne() {
        Ema ema = new Ema(3);
        assertThat(new double[] {ema.update(2), ema.update(4), ema.update(8)}).containsExactly(2, 3, 5.5);
        assertThat(ema.ready()).isTrue();
    }

    @Test
    void rsiIsAHundredWithoutLossesAndFollowsWildersSmoothing() {
        Rsi rsi = new Rsi(2);
        assertThat(rsi.update(10)).isZero();
        assertThat(rsi.update(11)).isEqualTo(100);
        // gains: 0, 1, 0 -> Wilder(2): 0, 0.5, 0.25; losses: 0, 0, 2 -> 0, 0, 1; RSI = 100 - 100 / (1 + 0.25)
        assertThat(rsi.update(9)).isCloseTo(20, within(1e-12));
    }

    @Test
    void aCrossLooksThroughBarsWhereTheTwoAreEqual() {
        Cross cross = new Cross();
        assertThat(cross.update(1, 2)).isZero();
        assertThat(cross.update(2, 2)).isZero();
        assertThat(cross.update(3, 2)).isEqualTo(Cross.UP);
        assertThat(cross.update(2, 2)).isZero();
        assertThat(cross.update(1, 2)).isEqualTo(Cross.DOWN);
    }

    @Test
    void aMovingAverageDoesNotDriftOverThreeMillionUpdates() {
        // given prices near 1e5 with cent-sized steps, where a plain running sum loses digits every update
        SplittableRandom random = new SplittableRandom(4);
        Sma sma = new Sma(200);
        double[] last = new double[200];
        double price = 100_000;
        for (int i = 0; i < 3_000_000; i++) {
            price += Math.rint(random.nextGaussian() * 1000) / 100;
            sma.update(price);
            last[i % 200] = price;
        }
        // when the exact average of the last window is computed in decimals
        BigDecimal exact = BigDecimal.ZERO;
        for (double value : last) {
            exact = exact.add(new BigDecimal(value));
        }
        double expected = exact.divide(BigDecimal.valueOf(200), MathContext.DECIMAL128).doubleValue();
        // then
        assertThat(sma.value()).isCloseTo(expected, within(1e-9));
    }

    @Test
    void returnVolatilityIsThePopulationDeviationOfTheLastReturns() {
        ReturnVolatility volatility = new ReturnVolatility(2);
        volatility.update(100);
        volatility.update(110);
        assertThat(volatility.ready()).isFalse();
        double value = volatility.update(99);
        // returns 0.1 and -0.1: mean 0, deviation 0.1
        assertThat(value).isCloseTo(0.1, within(1e-12));
    }
}
