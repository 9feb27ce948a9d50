package io.trendline.runner.results;

import io.trendline.api.backtest.BacktestSeries;
import io.trendline.api.backtest.BacktestSeries.SeriesPoint;
import io.trendline.api.backtest.BacktestTrade;
import io.trendline.api.backtest.BacktestTrades;
import io.trendline.api.backtest.BarCoverage;
import io.trendline.api.backtest.FetchBacktestSeriesQuery;
import io.trendline.api.backtest.FindBacktestTradesQuery;
import io.trendline.api.backtest.FindBarCoverageQuery;
import io.trendline.platform.clickhouse.ClickHouse;
import io.trendline.runner.bars.BarReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers queries on what the runner stores: a run's trades, its curves downsampled for a chart, and the bars
 * available for a request. Curves are thinned in ClickHouse by {@code largestTriangleThreeBuckets}, which keeps the
 * peaks and troughs a chart must show, so a year of minutes never leaves the database whole.
 */
@Component
class BacktestResultQueryHandler {

    static final int MAX_POINTS = 10_000;

    private static final String TRADES = """
            SELECT number, side, quantity, toUnixTimestamp64Milli(entry_time), entry_price, entry_fee,
                   toUnixTimestamp64Milli(exit_time), exit_price, exit_fee, pnl, return_fraction, exit_reason
            FROM backtest_trades FINAL WHERE backtest_id = ? ORDER BY number""";

    private static final String SERIES = """
            SELECT count(),
                   arrayMap(x -> (toInt64(x.1), x.2), largestTriangleThreeBuckets(?)(toFloat64(t), e)),
                   arrayMap(x -> (toInt64(x.1), x.2), largestTriangleThreeBuckets(?)(toFloat64(t), d))
            FROM (SELECT toUnixTimestamp64Milli(point.1) AS t, point.2 AS e, point.3 AS d
                  FROM backtest_curves FINAL ARRAY JOIN arrayZip(time, equity, drawdown) AS point
                  WHERE backtest_id = ?)""";

    private final ClickHouse clickHouse;
    private final BarReader bars;

    BacktestResultQueryHandler(ClickHouse clickHouse, BarReader bars) {
        this.clickHouse = clickHouse;
        this.bars = bars;
    }

    @QueryHandler
    BacktestTrades handle(FindBacktestTradesQuery query) {
        List<BacktestTrade> trades = clickHouse.jdbc().query(TRADES, (rs, row) -> new BacktestTrade(rs.getInt(1),
                rs.getString(2), rs.getDouble(3), Instant.ofEpochMilli(rs.getLong(4)), rs.getDouble(5),
                rs.getDouble(6), Instant.ofEpochMilli(rs.getLong(7)), rs.getDouble(8), rs.getDouble(9),
                rs.getDouble(10), rs.getDouble(11), rs.getString(12)), query.backtestId());
        return new BacktestTrades(query.backtestId(), trades);
    }

    @QueryHandler
    BacktestSeries handle(FetchBacktestSeriesQuery query) {
        int points = Math.max(3, Math.min(MAX_POINTS, query.points()));
        return clickHouse.jdbc().queryForObject(SERIES, (rs, row) -> new BacktestSeries(query.backtestId(),
                        rs.getLong(1), points(rs.getArray(2).getArray()), points(rs.getArray(3).getArray())),
                points, points, query.backtestId());
    }

    @QueryHandler
    BarCoverage handle(FindBarCoverageQuery query) {
        return bars.coverage(query.symbol(), query.from(), query.to());
    }

    private static List<SeriesPoint> points(Object array) {
        List<SeriesPoint> points = new ArrayList<>();
        for (Object element : (Object[]) array) {
            List<?> tuple = element instanceof List<?> list ? list : List.of((Object[]) element);
            points.add(new SeriesPoint(((Number) tuple.get(0)).longValue(), ((Number) tuple.get(1)).doubleValue()));
        }
        return points;
    }
}
