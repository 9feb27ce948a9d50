package io.trendline.runner.bars;

import java.util.Arrays;
import java.util.Optional;

/**
 * The bar intervals a backtest can run at, as the strategy's events name them, with their length and the ClickHouse
 * interval that buckets 1-minute bars into them (weeks start on Monday, as Binance's do).
 */
public enum BarInterval {
    M1("1m", 60_000L, "1 MINUTE"),
    M5("5m", 5 * 60_000L, "5 MINUTE"),
    M15("15m", 15 * 60_000L, "15 MINUTE"),
    H1("1h", 3_600_000L, "1 HOUR"),
    H4("4h", 4 * 3_600_000L, "4 HOUR"),
    D1("1d", 86_400_000L, "1 DAY"),
    W1("1w", 7 * 86_400_000L, "1 WEEK");

    private final String code;
    private final long millis;
    private final String clickHouse;

    BarInterval(String code, long millis, String clickHouse) {
        this.code = code;
        this.millis = millis;
        this.clickHouse = clickHouse;
    }

    public static Optional<BarInterval> of(String code) {
        return Arrays.stream(values()).filter(i -> i.code.equals(code)).findFirst();
    }

    public String code() {
        return code;
    }

    public long millis() {
        return millis;
    }

    String clickHouseInterval() {
        return clickHouse;
    }
}
