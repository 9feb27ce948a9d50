package io.trendline.ingestion.alert;

import io.trendline.api.market.Kline;
import io.trendline.api.market.PriceAlert;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Watches closed candles per symbol and reports a close at least {@code threshold} % above the lowest or below the
 * highest close of the window before it. After an alert the window starts again from that candle, so one move is
 * reported once, not on every following minute. Candles at or before the last one seen are ignored, so a replayed
 * stream raises nothing twice. Not thread-safe: one consumer thread feeds it.
 */
final class PriceMoveDetector {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final BigDecimal threshold;
    private final long windowMillis;
    private final Map<String, Deque<Kline>> windows = new HashMap<>();

    PriceMoveDetector(BigDecimal thresholdPercent, Duration window) {
        if (thresholdPercent.signum() <= 0 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("threshold and window must be positive");
        }
        this.threshold = thresholdPercent;
        this.windowMillis = window.toMillis();
    }

    Optional<PriceAlert> onClosed(Kline candle) {
        Deque<Kline> window = windows.computeIfAbsent(candle.symbol(), s -> new ArrayDeque<>());
        if (!window.isEmpty() && candle.openTime() <= window.peekLast().openTime()) {
            return Optional.empty();
        }
        while (!window.isEmpty() && window.peekFirst().openTime() < candle.openTime() - windowMillis) {
            window.pollFirst();
        }
        Kline low = null;
        Kline high = null;
        for (Kline k : window) {
            low = low == null || k.close().compareTo(low.close()) < 0 ? k : low;
            high = high == null || k.close().compareTo(high.close()) > 0 ? k : high;
        }
        Optional<PriceAlert> alert = Optional.empty();
        if (low != null) {
            BigDecimal rise = percent(low.close(), candle.close());
            BigDecimal fall = percent(high.close(), candle.close());
            if (rise.compareTo(threshold) >= 0) {
                alert = Optional.of(alert(low, candle, rise));
            } else if (fall.negate().compareTo(threshold) >= 0) {
                alert = Optional.of(alert(high, candle, fall));
            }
        }
        if (alert.isPresent()) {
            window.clear();
        }
        window.addLast(candle);
        return alert;
    }

    private PriceAlert alert(Kline from, Kline to, BigDecimal change) {
        return new PriceAlert(to.symbol(), from.openTime(), from.close(), to.openTime(), to.close(), change,
                threshold, windowMillis / 60_000);
    }

    private static BigDecimal percent(BigDecimal from, BigDecimal to) {
        if (from.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return to.subtract(from).multiply(HUNDRED).divide(from, 4, RoundingMode.HALF_EVEN);
    }
}
