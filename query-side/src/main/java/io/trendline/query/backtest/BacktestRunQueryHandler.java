package io.trendline.query.backtest;

import io.trendline.api.backtest.BacktestRunList;
import io.trendline.api.backtest.BacktestRunView;
import io.trendline.api.backtest.CompareBacktestRunsQuery;
import io.trendline.api.backtest.CountBacktestRunsQuery;
import io.trendline.api.backtest.FindBacktestRunQuery;
import io.trendline.api.backtest.FindBacktestRunsQuery;
import io.trendline.platform.clickhouse.ClickHouse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers the queries on backtest runs from {@code backtest_runs}. */
@Component
class BacktestRunQueryHandler {

    static final int MAX_RUNS = 500;
    static final int MAX_COMPARED = 20;

    private final BacktestRunReader reader;
    private final ClickHouse clickHouse;

    BacktestRunQueryHandler(BacktestRunReader reader, ClickHouse clickHouse) {
        this.reader = reader;
        this.clickHouse = clickHouse;
    }

    @QueryHandler
    BacktestRunList handle(FindBacktestRunsQuery query) {
        int limit = Math.max(1, Math.min(MAX_RUNS, query.limit()));
        return new BacktestRunList(reader.views("WHERE strategy_id = ? ORDER BY requested_at DESC, backtest_id "
                + "LIMIT " + limit, query.strategyId()));
    }

    @QueryHandler
    Optional<BacktestRunView> handle(FindBacktestRunQuery query) {
        return reader.views("WHERE backtest_id = ?", query.backtestId()).stream().findFirst();
    }

    @QueryHandler
    BacktestRunList handle(CompareBacktestRunsQuery query) {
        List<String> ids = query.backtestIds().stream().distinct().limit(MAX_COMPARED).toList();
        if (ids.isEmpty()) {
            return new BacktestRunList(List.of());
        }
        String placeholders = String.join(", ", Collections.nCopies(ids.size(), "?"));
        Map<String, BacktestRunView> found = reader.views("WHERE backtest_id IN (" + placeholders + ")",
                ids.toArray()).stream().collect(Collectors.toMap(BacktestRunView::backtestId, Function.identity()));
        List<BacktestRunView> runs = new ArrayList<>();
        ids.stream().map(found::get).filter(v -> v != null).forEach(runs::add);
        return new BacktestRunList(runs);
    }

    @QueryHandler
    Long handle(CountBacktestRunsQuery query) {
        return clickHouse.jdbc().queryForObject("SELECT count() FROM backtest_runs FINAL WHERE requested_by = ? "
                + "AND requested_at >= fromUnixTimestamp64Milli(?)", Long.class, query.userId(),
                query.since().toEpochMilli());
    }
}
