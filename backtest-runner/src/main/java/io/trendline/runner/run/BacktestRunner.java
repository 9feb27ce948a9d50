package io.trendline.runner.run;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.trendline.api.common.Rejection;
import io.trendline.api.strategy.BacktestRequestedEvent;
import io.trendline.api.strategy.CompleteBacktestCommand;
import io.trendline.api.strategy.FailBacktestCommand;
import io.trendline.backtest.Backtest;
import io.trendline.backtest.BacktestResult;
import io.trendline.backtest.engine.BarSeries;
import io.trendline.runner.bars.BarReader;
import io.trendline.runner.results.BacktestResultStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Runs each requested backtest and answers its strategy. Every request ends in {@code BacktestCompleted} or
 * {@code BacktestFailed}: a request the engine refuses (no bars in the range, bad data) or a failure inside the run
 * fails the backtest with the reason. Only an unreachable store (ClickHouse down, the command bus unavailable) is
 * thrown back to the processor, which retries with back-off (see {@code trendline-defaults.yml}), and a runner killed
 * mid-run runs it again on restart from its token; the answer is accepted once, so a second one is ignored.
 * Never replayed: a replay must not re-run history.
 */
@Component
@ProcessingGroup(BacktestRunner.PROCESSING_GROUP)
class BacktestRunner {

    static final String PROCESSING_GROUP = "backtest-runner";
    private static final Logger log = LoggerFactory.getLogger(BacktestRunner.class);

    private final BarReader bars;
    private final BacktestResultStore results;
    private final CommandGateway commands;
    private final ProgressBoard progress;
    private final MeterRegistry meters;

    BacktestRunner(BarReader bars, BacktestResultStore results, CommandGateway commands, ProgressBoard progress,
                   MeterRegistry meters) {
        this.bars = bars;
        this.results = results;
        this.commands = commands;
        this.progress = progress;
        this.meters = meters;
    }

    @EventHandler
    @DisallowReplay
    void on(BacktestRequestedEvent event) {
        String id = event.backtestId();
        Phases phases = new Phases();
        BacktestResult result;
        try {
            RunRequest request = RunRequest.of(event);
            progress.report(id, "LOADING_BARS", 0.05, "reading " + request.symbol() + " " + request.interval().code()
                    + " bars");
            BarSeries series = bars.read(request.symbol(), request.interval(), request.readFrom(), request.to());
            phases.end("read");
            int warmup = request.firstTradingBar(series);
            if (warmup == series.size()) {
                fail(event, "no " + request.symbol() + " bars between " + request.from() + " and " + request.to());
                return;
            }
            progress.report(id, "RUNNING", 0.5, series.size() + " bars read (" + warmup + " of them warm-up)");
            result = Backtest.run(request.specFor(series), series);
            phases.end("run");
            result.digests();
            phases.end("digest");
        } catch (IllegalArgumentException | ArithmeticException | IllegalStateException e) {
            fail(event, e.getMessage());
            return;
        } catch (DataAccessException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("Backtest {} failed inside the run", id, e);
            fail(event, "the run failed: " + e);
            return;
        }
        progress.report(id, "STORING", 0.8, result.trades().size() + " trades, " + result.equityCurve().length
                + " equity points");
        results.store(id, result);
        phases.end("store");
        answer(new CompleteBacktestCommand(event.strategyId(), id, Summaries.of(result),
                Summaries.of(result.digests())));
        phases.end("answer");
        progress.report(id, "COMPLETED", 1, "completed");
        log.info("Backtest {} ({} bars, {} trades) completed: {}", id, result.bars().size(), result.trades().size(),
                phases);
        phases.record(meters);
    }

    private void fail(BacktestRequestedEvent event, String reason) {
        answer(new FailBacktestCommand(event.strategyId(), event.backtestId(), reason));
        progress.report(event.backtestId(), "FAILED", 1, reason);
    }

    private void answer(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (CommandExecutionException e) {
            // Answered before (a run repeated after a crash that came after the answer): the first answer stands.
            boolean answered = e.getDetails()
                    .filter(d -> d instanceof Rejection r && "backtest.finished".equals(r.code())).isPresent();
            if (answered) {
                log.info("Backtest already answered; keeping the first answer: {}", e.getMessage());
                return;
            }
            throw e;
        }
    }

    /** The time each phase of a run took, for the log and the {@code trendline.backtest.phase} timer. */
    private static final class Phases {
        private final Map<String, Long> nanos = new LinkedHashMap<>();
        private long last = System.nanoTime();

        void end(String phase) {
            long now = System.nanoTime();
            nanos.put(phase, now - last);
            last = now;
        }

        void record(MeterRegistry meters) {
            nanos.forEach((phase, took) -> Timer.builder("trendline.backtest.phase").tag("phase", phase)
                    .register(meters).record(took, TimeUnit.NANOSECONDS));
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder();
            nanos.forEach((phase, took) -> text.append(text.isEmpty() ? "" : ", ").append(phase).append(' ')
                    .append(took / 1_000_000).append(" ms"));
            return text.toString();
        }
    }
}
