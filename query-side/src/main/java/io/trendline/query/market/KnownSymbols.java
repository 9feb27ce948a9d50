package io.trendline.query.market;

import io.trendline.platform.clickhouse.ClickHouse;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A symbol is known when it is configured ({@code trendline.symbols}) or has candles (imported files may bring
 * others). A symbol found stored is remembered (candles are never deleted); one not found is looked up again on the
 * next request, a read of one primary-key granule, so a symbol imported a moment ago is served at once.
 */
@Component
class KnownSymbols {

    private final ClickHouse clickHouse;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    KnownSymbols(ClickHouse clickHouse, @Value("${trendline.symbols:BTCUSDT,ETHUSDT}") String configured) {
        this.clickHouse = clickHouse;
        known.addAll(Arrays.stream(configured.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet()));
    }

    /** The symbol must already be checked against {@code [A-Z0-9]{2,20}}: it is written into the SQL. */
    boolean isKnown(String symbol) {
        if (known.contains(symbol)) {
            return true;
        }
        boolean stored = !clickHouse.jdbc().queryForList("SELECT 1 FROM klines_1m WHERE symbol = '" + symbol
                + "' LIMIT 1", Integer.class).isEmpty();
        if (stored) {
            known.add(symbol);
        }
        return stored;
    }
}
