package io.trendline.backtest.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import io.trendline.backtest.engine.BarSeries;
import io.trendline.backtest.testing.RandomWalk;
import io.trendline.backtest.testing.RealData;
import io.trendline.backtest.testing.Ta4j;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DecimalNum;
import org.ta4j.core.num.Num;

/**
 * Every indicator against ta4j 0.17 computing in exact decimals (at least 32 significant digits), bar for bar from
 * the first bar (partial windows included), to 1e-9 absolute. ta4j's decimal square root is slow, so on the real
 * minutes the deviation-based indicators are compared on the first 20,000 bars only.
 */
class IndicatorsMatchTa4jTest {

    private static final double TOLERANCE = 1e-9;

    @Test
    void indicatorsMatchTa4jOnGeneratedMinutes() {
        // given
        BarSeries bars = RandomWalk.bars(20_000, 7, 0.002, 30_000);
        // when / then
        assertAllMatch(bars, Ta4j.decimal(bars), bars.size());
    }

    @Test
    void indicatorsMatchTa4jOnRealBitcoinMinutesOf2025() {
        // given
        BarSeries bars = RealData.klines(RealData.BTC_1M);
        org.ta4j.core.BarSeries theirs = Ta4j.decimal(RealData.BTC_1M);
        // when / then
        assertAllMatch(bars, theirs, 20_000);
    }

    @Test
    void indicatorsMatchTa4jOnRealBitcoinHoursOverFiveYears() {
        // given
        BarSeries bars = RealData.klines(RealData.BTC_1H);
        org.ta4j.core.BarSeries theirs = Ta4j.decimal(RealData.BTC_1H);
        // when / then
        assertAllMatch(bars, theirs, bars.size());
    }

    private static void assertAllMatch(BarSeries bars, org.ta4j.core.BarSeries theirs, int deviationBars) {
        ClosePriceIndicator close = new ClosePriceIndicator(theirs);
        double[] closes = new double[bars.size()];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = bars.close(i);
        }
        assertMatches("SMA(10)", closes, new Sma(10)::update, new SMAIndicator(close, 10));
        assertMatches("SMA(200)", closes, new Sma(200)::update, new SMAIndicator(close, 200));
        assertMatches("EMA(12)", closes, new Ema(12)::update, new EMAIndicator(close, 12));
        assertMatches("EMA(100)", closes, new Ema(100)::update, new EMAIndicator(close, 100));
        assertMatches("RSI(14)", closes, new Rsi(14)::update, new RSIIndicator(close, 14));

        MACDIndicator macd = new MACDIndicator(close, 12, 26);
        Macd line = new Macd(12, 26, 9);
        assertMatches("MACD(12, 26) line", closes, x -> {
            line.update(x);
            return line.line();
        }, macd);
        Macd signal = new Macd(12, 26, 9);
        assertMatches("MACD(12, 26, 9) signal", closes, x -> {
            signal.update(x);
            return signal.signal();
        }, new EMAIndicator(macd, 9));

        double[] first = Arrays.copyOf(closes, deviationBars);
        StandardDeviationIndicator sd = new StandardDeviationIndicator(close, 20);
        assertMatches("StdDev(20)", first, new StandardDeviation(20)::update, sd);
        BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, 20));
        Num k = DecimalNum.valueOf("2.5");
        BollingerBands upper = new BollingerBands(20, 2.5);
        assertMatches("Bollinger(20, 2.5) upper", first, x -> {
            upper.update(x);
            return upper.upper();
        }, new BollingerBandsUpperIndicator(middle, sd, k));
        BollingerBands lower = new BollingerBands(20, 2.5);
        assertMatches("Bollinger(20, 2.5) lower", first, x -> {
            lower.update(x);
            return lower.lower();
        }, new BollingerBandsLowerIndicator(middle, sd, k));
    }

    private static void assertMatches(String name, double[] closes, DoubleUnaryOperator ours,
                                      Indicator<Num> theirs) {
        IntFunction<Double> reference = i -> theirs.getValue(i).doubleValue();
        double worst = 0;
        int worstAt = -1;
        for (int i = 0; i < closes.length; i++) {
            double difference = Math.abs(ours.applyAsDouble(closes[i]) - reference.apply(i));
            if (!(difference <= worst)) {
                worst = difference;
                worstAt = i;
            }
        }
        assertThat(worst).as("%s: largest difference from ta4j, at bar %d", name, worstAt).isLessThanOrEqualTo(
                TOLERANCE);
    }
}
