package io.trendline.runner.run;

import io.trendline.api.common.Rejection;
import io.trendline.api.strategy.BacktestRequestedEvent;
import io.trendline.api.strategy.CompleteBacktestCommand;
import io.trendline.api.strategy.FailBacktestCommand;
import io.trendline.backtest.Backtest;
import io.trendline.backtest.BacktestResult;
import io.trendline.backtest.engine.BarSeries;
import io.trendline.runner.bars.BarReader;
import io.trendline.runner.results.BacktestResultStore;
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

    BacktestRunner(BarReader bars, BacktestResultStore results, CommandGateway commands, ProgressBoard progress) {
        this.bars = bars;
        this.results = results;
        this.commands = commands;
        this.progress = progress;
    }

    @EventHandler
    @DisallowReplay
    void on(BacktestRequestedEvent event) {
        String id = event.backtestId();
        BacktestResult result;
        try {
            RunRequest request = RunRequest.of(event);
            progress.report(id, "LOADING_BARS", 0.05, "reading " + request.symbol() + " " + request.interval().code()
                    + " bars");
            BarSeries series = bars.read(request.symbol(), request.interval(), request.readFrom(), request.to());
            int warmup = request.firstTradingBar(series);
            if (warmup == series.size()) {
                fail(event, "no " + request.symbol() + " bars between " + request.from() + " and " + request.to());
                return;
            }
            progress.report(id, "RUNNING", 0.5, series.size() + " bars read (" + warmup + " of them warm-up)");
            result = Backtest.run(request.specFor(series), series);
            result.digests();
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
        answer(new CompleteBacktestCommand(event.strategyId(), id, Summaries.of(result),
                Summaries.of(result.digests())));
        progress.report(id, "COMPLETED", 1, "completed");
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
            if (e.getDetails().filter(d -> d instanceof Rejection r && "backtest.finished".equals(r.code())).isPresent()) {
                log.info("Backtest already answered; keeping the first answer: {}", e.getMessage());
                return;
            }
            throw e;
        }
    }
}
