package io.trendline.query.backtest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendline.api.backtest.BacktestRunView;
import io.trendline.api.backtest.BacktestStatus;
import io.trendline.api.strategy.BacktestDigests;
import io.trendline.api.strategy.BacktestSummary;
import io.trendline.api.strategy.StrategyType;
import io.trendline.platform.clickhouse.ClickHouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeMap;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Component;

/** Reads {@code backtest_runs} (FINAL, so only each run's newest row) as rows for the projection or as views. */
@Component
class BacktestRunReader {

    private static final String SELECT = """
            SELECT strategy_id, backtest_id, requested_by, strategy_type, symbol, parameters, interval,
                   toUnixTimestamp64Milli(range_from), toUnixTimestamp64Milli(range_to), toString(initial_capital),
                   toString(fee_bps), toString(slippage_bps), status, toUnixTimestamp64Milli(requested_at),
                   toUnixTimestamp64Milli(finished_at), total_return, sharpe, max_drawdown, trades, final_equity,
                   summary, digests, failure_reason, version
            FROM backtest_runs FINAL
            """;
    private static final TypeReference<TreeMap<String, BigDecimal>> PARAMETERS = new TypeReference<>() {
    };

    private final ClickHouse clickHouse;
    private final ObjectMapper json;

    BacktestRunReader(ClickHouse clickHouse, ObjectMapper json) {
        this.clickHouse = clickHouse;
        this.json = json;
    }

    /** The current row of a run, which the projection's previous step wrote. */
    BacktestRunRow row(String strategyId, String backtestId) {
        try {
            return clickHouse.jdbc().queryForObject(SELECT + "WHERE strategy_id = ? AND backtest_id = ?",
                    (rs, n) -> toRow(rs), strategyId, backtestId);
        } catch (EmptyResultDataAccessException e) {
            throw new IllegalStateException("backtest " + backtestId + " of strategy " + strategyId
                    + " has no row to update; its request was not projected", e);
        }
    }

    List<BacktestRunView> views(String where, Object... args) {
        return clickHouse.jdbc().query(SELECT + where, (rs, n) -> toView(toRow(rs)), args);
    }

    private static BacktestRunRow toRow(ResultSet rs) throws SQLException {
        long finished = rs.getLong(15);
        boolean hasFinished = !rs.wasNull();
        return new BacktestRunRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), millis(rs.getLong(8)), millis(rs.getLong(9)),
                new BigDecimal(rs.getString(10)), new BigDecimal(rs.getString(11)), new BigDecimal(rs.getString(12)),
                rs.getString(13), millis(rs.getLong(14)), hasFinished ? millis(finished) : null,
                nullableDouble(rs, 16), nullableDouble(rs, 17), nullableDouble(rs, 18), nullableInt(rs, 19),
                nullableDouble(rs, 20), rs.getString(21), rs.getString(22), rs.getString(23), rs.getLong(24));
    }

    private BacktestRunView toView(BacktestRunRow r) {
        return new BacktestRunView(r.backtestId(), r.strategyId(), r.requestedBy(),
                StrategyType.valueOf(r.strategyType()), r.symbol(), read(r.parameters(), PARAMETERS),
                r.interval(), instant(r.rangeFrom()), instant(r.rangeTo()), r.initialCapital().stripTrailingZeros(),
                r.feeBps().stripTrailingZeros(), r.slippageBps().stripTrailingZeros(),
                BacktestStatus.valueOf(r.status()), instant(r.requestedAt()),
                r.finishedAt() == null ? null : instant(r.finishedAt()),
                r.summary().isEmpty() ? null : read(r.summary(), BacktestSummary.class),
                r.digests().isEmpty() ? null : read(r.digests(), BacktestDigests.class),
                r.failureReason().isEmpty() ? null : r.failureReason());
    }

    private static String millis(long epochMillis) {
        return BacktestRunProjection.time(Instant.ofEpochMilli(epochMillis));
    }

    private static Instant instant(String time) {
        return LocalDateTime.parse(time, BacktestRunProjection.TIME).toInstant(ZoneOffset.UTC);
    }

    private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer nullableInt(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private <T> T read(String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
