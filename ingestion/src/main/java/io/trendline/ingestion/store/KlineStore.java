package io.trendline.ingestion.store;

import com.clickhouse.data.ClickHouseFormat;
import io.trendline.platform.clickhouse.ClickHouse;
import org.springframework.stereotype.Component;

/**
 * Inserts candles into {@code klines_1m}. Writing a minute again is harmless: the table keeps one copy per symbol and
 * minute, so every writer may retry or replay freely.
 */
@Component
public class KlineStore {

    public static final String TABLE = "klines_1m";

    private final ClickHouse clickHouse;

    public KlineStore(ClickHouse clickHouse) {
        this.clickHouse = clickHouse;
    }

    /** Inserts the rows in one statement; nothing when there are none. */
    public void insert(KlineColumns rows) {
        if (rows.size() == 0) {
            return;
        }
        clickHouse.insert(TABLE, KlineColumns.NAMES, ClickHouseFormat.Native, rows::writeNative);
    }

    /** Candles stored, one per symbol and minute whatever copies are not merged yet. */
    public long count(String symbol) {
        Long count = clickHouse.jdbc().queryForObject("SELECT count() FROM " + TABLE + " FINAL WHERE symbol = ?",
                Long.class, symbol);
        return count == null ? 0 : count;
    }
}
