package io.trendline.query.market;

import io.trendline.platform.clickhouse.ClickHouse;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A symbol is known when it is configured ({@code trendline.symbols}) or has candles (imported files may bring
 * others). The stored ones are cached and looked up again when an unknown symbol is asked for, at most once a second.
 */
@Component
class KnownSymbols {

    private static final long REFRESH_NANOS = 1_000_000_000L;

    private final ClickHouse clickHouse;
    private final Set<String> configured;
    private volatile Set<String> stored = Set.of();
    private volatile long storedAt;

    KnownSymbols(ClickHouse clickHouse, @Value("${trendline.symbols:BTCUSDT,ETHUSDT}") String configured) {
        this.clickHouse = clickHouse;
        this.configured = Arrays.stream(configured.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    boolean isKnown(String symbol) {
        if (configured.contains(symbol) || stored.contains(symbol)) {
            return true;
        }
        if (System.nanoTime() - storedAt > REFRESH_NANOS) {
            List<String> symbols = clickHouse.jdbc().queryForList("SELECT DISTINCT symbol FROM klines_1m",
                    String.class);
            stored = Set.copyOf(symbols);
            storedAt = System.nanoTime();
        }
        return stored.contains(symbol);
    }
}
