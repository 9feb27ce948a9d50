package io.trendline.api.market;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The candle intervals the query API serves, in Binance's notation, all aggregated from 1-minute candles. Bars start
 * at multiples of their length since the epoch (UTC), except weeks, which start on Monday 00:00 UTC as Binance's do.
 */
public enum CandleInterval {
    M1("1m", 60_000L),
    M5("5m", 300_000L),
    M15("15m", 900_000L),
    H1("1h", 3_600_000L),
    H4("4h", 14_400_000L),
    D1("1d", 86_400_000L),
    W1("1w", 604_800_000L);

    /** 1970-01-05, the first Monday after the epoch: week bars are aligned to it. */
    private static final long MONDAY = 4 * 86_400_000L;

    private final String code;
    private final long millis;

    CandleInterval(String code, long millis) {
        this.code = code;
        this.millis = millis;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public long millis() {
        return millis;
    }

    /** Where this interval's bars are anchored, in epoch ms: 0, or the first Monday for weeks. */
    public long offset() {
        return this == W1 ? MONDAY : 0;
    }

    /** The start of the bar that contains the given moment (epoch ms). */
    public long barStart(long epochMillis) {
        return Math.floorDiv(epochMillis - offset(), millis) * millis + offset();
    }

    public static Optional<CandleInterval> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(i -> i.code.equals(wanted)).findFirst();
    }

    @JsonCreator
    public static CandleInterval of(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("unknown interval '" + code
                + "'; use one of " + codes()));
    }

    public static String codes() {
        return Arrays.stream(values()).map(CandleInterval::code).collect(Collectors.joining(", "));
    }
}
