package io.trendline.query.market;

import com.clickhouse.data.ClickHouseFormat;
import io.trendline.api.market.Candle;
import io.trendline.api.market.CandleGaps;
import io.trendline.api.market.CandleInterval;
import io.trendline.api.market.MarketSummary;
import io.trendline.platform.clickhouse.ClickHouse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The SQL over {@code klines_1m}. Every read uses FINAL, so a minute written twice (replay, re-import) and not yet
 * merged counts once. Coarser bars are aggregated at query time: measured on the local engine, 1-hour bars over 90
 * days of 1-minute candles take about 20 ms, and a rollup table would have to be made idempotent under replays
 * (sums are not) for the few milliseconds it could save. Symbols reach the SQL only after {@link MarketQueryHandler}
 * checked them against {@code [A-Z0-9]{2,20}}; numbers are longs; so the statements are built as text, which spares
 * the driver's statement parsing on every call.
 */
@Component
class CandleRepository {

    private static final long MINUTE = 60_000L;
    private static final long DAY = 86_400_000L;

    private final ClickHouse clickHouse;
    private final JdbcTemplate jdbc;

    CandleRepository(ClickHouse clickHouse) {
        this.clickHouse = clickHouse;
        this.jdbc = clickHouse.jdbc();
    }

    /** The bars, read as RowBinary by {@link CandleRowBinary} rather than through JDBC's result set. */
    List<Candle> bars(String symbol, CandleInterval interval, long from, long to, int limit) {
        List<List<Candle>> answer = new ArrayList<>(1);
        clickHouse.query(CandleSql.bars(symbol, interval, from, to, limit),
                ClickHouseFormat.RowBinaryWithNamesAndTypes, in -> answer.add(CandleRowBinary.read(in, limit)));
        return answer.get(0);
    }

    Optional<Long> lastOpenTime(String symbol) {
        return Optional.ofNullable(jdbc.queryForObject("SELECT if(count() = 0, NULL, "
                + "toUnixTimestamp64Milli(max(open_time))) FROM klines_1m WHERE symbol = '" + symbol + "'",
                Long.class));
    }

    /** The first stored minute in [from, to), if any. */
    Optional<Long> firstOpenTimeFrom(String symbol, long from, long to) {
        return Optional.ofNullable(jdbc.queryForObject("SELECT if(count() = 0, NULL, "
                + "toUnixTimestamp64Milli(min(open_time))) FROM klines_1m WHERE symbol = '" + symbol
                + "' AND open_time >= fromUnixTimestamp64Milli(" + from + ", 'UTC') AND open_time < "
                + "fromUnixTimestamp64Milli(" + Math.min(to, Long.MAX_VALUE / 2) + ", 'UTC')", Long.class));
    }

    Optional<MarketSummary> summary(String symbol) {
        Optional<Long> last = lastOpenTime(symbol);
        if (last.isEmpty()) {
            return Optional.empty();
        }
        long end = last.get() + MINUTE;
        long start = end - DAY;
        return Optional.of(jdbc.queryForObject("SELECT argMax(close, open_time), argMin(open, open_time), "
                + "toUnixTimestamp64Milli(min(open_time)), max(high), min(low), avg(close), sum(volume), count() "
                + "FROM klines_1m FINAL WHERE symbol = '" + symbol + "' AND open_time >= fromUnixTimestamp64Milli("
                + start + ", 'UTC') AND open_time < fromUnixTimestamp64Milli(" + end + ", 'UTC')", (row, i) -> {
                    BigDecimal price = Decimals.clean(row.getBigDecimal(1));
                    BigDecimal open = Decimals.clean(row.getBigDecimal(2));
                    BigDecimal change = price.subtract(open);
                    BigDecimal percent = open.signum() == 0 ? BigDecimal.ZERO
                            : change.multiply(BigDecimal.valueOf(100)).divide(open, 4, RoundingMode.HALF_EVEN);
                    return new MarketSummary(symbol, last.get(), price, row.getLong(3), open,
                            Decimals.clean(row.getBigDecimal(4)), Decimals.clean(row.getBigDecimal(5)),
                            Decimals.clean(row.getBigDecimal(6).setScale(8, RoundingMode.HALF_EVEN)),
                            Decimals.clean(row.getBigDecimal(7)), Decimals.clean(change), Decimals.clean(percent),
                            row.getLong(8));
                }));
    }

    CandleGaps gaps(String symbol, long from, long to, int maxGaps) {
        String range = "symbol = '" + symbol + "' AND open_time >= fromUnixTimestamp64Milli(" + from
                + ", 'UTC') AND open_time < fromUnixTimestamp64Milli(" + to + ", 'UTC')";
        List<CandleGaps.Gap> gaps = new ArrayList<>(jdbc.query("SELECT prev, t FROM (SELECT t, lagInFrame(t, 1, "
                + (from - MINUTE) + ") OVER (ORDER BY t ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS prev FROM "
                + "(SELECT DISTINCT toUnixTimestamp64Milli(open_time) AS t FROM klines_1m WHERE " + range
                + ")) WHERE t - prev > " + MINUTE + " ORDER BY t LIMIT " + (maxGaps + 1),
                (row, i) -> gap(row.getLong(1) + MINUTE, row.getLong(2))));
        var stats = jdbc.queryForMap("SELECT uniqExact(open_time) AS present, "
                + "toUnixTimestamp64Milli(max(open_time)) AS last FROM klines_1m WHERE " + range);
        long present = ((Number) stats.get("present")).longValue();
        long last = present == 0 ? from - MINUTE : ((Number) stats.get("last")).longValue();
        if (last + MINUTE < to && gaps.size() <= maxGaps) {
            gaps.add(gap(last + MINUTE, to));
        }
        boolean truncated = gaps.size() > maxGaps;
        return new CandleGaps(symbol, from, to, (to - from + MINUTE - 1) / MINUTE, present,
                truncated ? List.copyOf(gaps.subList(0, maxGaps)) : List.copyOf(gaps), truncated);
    }

    private static CandleGaps.Gap gap(long from, long to) {
        return new CandleGaps.Gap(from, to, (to - from + MINUTE - 1) / MINUTE);
    }
}
