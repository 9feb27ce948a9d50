package io.trendline.backtest.testing;

import io.trendline.backtest.engine.BarSeries;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DecimalNum;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/** The same bars as a ta4j 0.17 series; ta4j names a bar by its end time. */
public final class Ta4j {

    private Ta4j() {
    }

    private static final Map<String, org.ta4j.core.BarSeries> REAL = new ConcurrentHashMap<>();

    /**
     * ta4j's exact decimal series of a real data file, from the digits as written in it; built once per test JVM
     * (a ta4j series is not changed by the indicators computed on it).
     */
    public static org.ta4j.core.BarSeries decimal(String file) {
        return REAL.computeIfAbsent(file, f -> decimal(RealData.rows(f), RealData.intervalOf(f)));
    }

    static org.ta4j.core.BarSeries decimal(List<RealData.Row> rows, long intervalMillis) {
        org.ta4j.core.BarSeries series = new BaseBarSeriesBuilder().withNumTypeOf(DecimalNum.class).build();
        Duration period = Duration.ofMillis(intervalMillis);
        for (RealData.Row row : rows) {
            series.addBar(period, end(row.openTime(), intervalMillis), dec(row.open()), dec(row.high()),
                    dec(row.low()), dec(row.close()), dec(row.volume()), DecimalNum.valueOf(0));
        }
        return series;
    }

    /** ta4j's exact decimal series holding each double's exact value. */
    public static org.ta4j.core.BarSeries decimal(BarSeries bars) {
        org.ta4j.core.BarSeries series = new BaseBarSeriesBuilder().withNumTypeOf(DecimalNum.class).build();
        Duration period = Duration.ofMillis(bars.intervalMillis());
        for (int i = 0; i < bars.size(); i++) {
            series.addBar(period, end(bars.openTime(i), bars.intervalMillis()), exact(bars.open(i)),
                    exact(bars.high(i)), exact(bars.low(i)), exact(bars.close(i)), exact(bars.volume(i)),
                    DecimalNum.valueOf(0));
        }
        return series;
    }

    /** ta4j's fastest series, on doubles. */
    public static org.ta4j.core.BarSeries doubles(BarSeries bars) {
        org.ta4j.core.BarSeries series = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).build();
        Duration period = Duration.ofMillis(bars.intervalMillis());
        for (int i = 0; i < bars.size(); i++) {
            series.addBar(period, end(bars.openTime(i), bars.intervalMillis()), DoubleNum.valueOf(bars.open(i)),
                    DoubleNum.valueOf(bars.high(i)), DoubleNum.valueOf(bars.low(i)), DoubleNum.valueOf(bars.close(i)),
                    DoubleNum.valueOf(bars.volume(i)), DoubleNum.valueOf(0));
        }
        return series;
    }

    private static ZonedDateTime end(long openTime, long intervalMillis) {
        return ZonedDateTime.ofInstant(Instant.ofEpochMilli(openTime + intervalMillis), ZoneOffset.UTC);
    }

    private static Num dec(String digits) {
        return DecimalNum.valueOf(digits);
    }

    private static Num exact(double value) {
        return DecimalNum.valueOf(new BigDecimal(value));
    }
}
