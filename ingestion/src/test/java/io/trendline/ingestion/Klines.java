package io.trendline.ingestion;

import io.trendline.api.market.Kline;
import java.math.BigDecimal;

/** Test candles: a deterministic walk, so every test can recompute what it expects. */
public final class Klines {

    public static final long START = 1_747_699_200_000L; // 2025-05-20T00:00Z

    private Klines() {
    }

    /** The i-th minute from START: prices around 100,000 with 2 decimals, volume i/1000 + 1. */
    public static Kline minute(String symbol, int i) {
        BigDecimal open = new BigDecimal(100_000 + (i % 500)).add(BigDecimal.valueOf(i % 97, 2));
        BigDecimal close = open.add(BigDecimal.valueOf((i % 13) - 6, 1));
        BigDecimal high = open.max(close).add(BigDecimal.ONE);
        BigDecimal low = open.min(close).subtract(BigDecimal.ONE);
        BigDecimal volume = BigDecimal.valueOf(i, 3).add(BigDecimal.ONE);
        return new Kline(symbol, "1m", START + i * 60_000L, START + i * 60_000L + 59_999, open, high, low, close,
                volume, volume.multiply(close), 10 + i % 7, volume.divide(BigDecimal.valueOf(2)),
                volume.multiply(close).divide(BigDecimal.valueOf(2)), true);
    }
}
