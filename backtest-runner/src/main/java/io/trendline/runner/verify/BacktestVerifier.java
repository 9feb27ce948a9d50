package io.trendline.runner.verify;

import io.trendline.api.backtest.BacktestVerification;
import io.trendline.api.backtest.VerifyBacktestQuery;
import io.trendline.api.strategy.BacktestCompletedEvent;
import io.trendline.api.strategy.BacktestDigests;
import io.trendline.api.strategy.BacktestRequestedEvent;
import io.trendline.backtest.Backtest;
import io.trendline.backtest.BacktestResult;
import io.trendline.backtest.engine.BarSeries;
import io.trendline.runner.bars.BarReader;
import io.trendline.runner.run.RunRequest;
import io.trendline.runner.run.Summaries;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Verifies a completed backtest the way an auditor would: reads the strategy's events from the event store (from
 * the first, never a snapshot), takes the request exactly as recorded, reads the bars as they are stored now, runs
 * this engine and compares every digest with the recorded ones. A changed bar shows in {@code bars}, a changed
 * parameter in {@code spec}, a changed engine in {@code engineVersion}, and each in what it caused.
 */
@Component
class BacktestVerifier {

    private final EventStore events;
    private final BarReader bars;
    private final Clock clock;

    BacktestVerifier(EventStore events, BarReader bars) {
        this.events = events;
        this.bars = bars;
        this.clock = Clock.systemUTC();
    }

    @QueryHandler
    BacktestVerification handle(VerifyBacktestQuery query) {
        BacktestRequestedEvent requested = null;
        BacktestCompletedEvent completed = null;
        DomainEventStream stream = events.readEvents(query.strategyId(), 0L);
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            if (payload instanceof BacktestRequestedEvent e && e.backtestId().equals(query.backtestId())) {
                requested = e;
            } else if (payload instanceof BacktestCompletedEvent e && e.backtestId().equals(query.backtestId())) {
                completed = e;
            }
        }
        if (requested == null || completed == null) {
            throw new IllegalArgumentException("strategy " + query.strategyId() + " has no completed backtest "
                    + query.backtestId());
        }
        BacktestDigests recorded = completed.digests();
        BacktestDigests recomputed;
        try {
            RunRequest request = RunRequest.of(requested);
            BarSeries series = bars.read(request.symbol(), request.interval(), request.readFrom(), request.to());
            BacktestResult result = Backtest.run(request.specFor(series), series);
            recomputed = Summaries.of(result.digests());
        } catch (IllegalArgumentException e) {
            // The recorded request no longer runs (a parameter made invalid, the bars gone): nothing matches.
            return new BacktestVerification(query.backtestId(), false, List.of("input: " + e.getMessage()), recorded,
                    null, clock.instant());
        }
        List<String> differences = differences(recorded, recomputed);
        return new BacktestVerification(query.backtestId(), differences.isEmpty(), differences, recorded, recomputed,
                clock.instant());
    }

    static List<String> differences(BacktestDigests a, BacktestDigests b) {
        List<String> differ = new ArrayList<>();
        compare("engineVersion", a.engineVersion(), b.engineVersion(), differ);
        compare("spec", a.spec(), b.spec(), differ);
        compare("bars", a.bars(), b.bars(), differ);
        compare("trades", a.trades(), b.trades(), differ);
        compare("equity", a.equity(), b.equity(), differ);
        compare("input", a.input(), b.input(), differ);
        compare("output", a.output(), b.output(), differ);
        return differ;
    }

    private static void compare(String name, String recorded, String recomputed, List<String> differ) {
        if (!recorded.equals(recomputed)) {
            differ.add(name);
        }
    }
}
