package io.trendline.web.backtest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trendline.api.backtest.BacktestProgress;
import io.trendline.api.backtest.BacktestRunList;
import io.trendline.api.backtest.BacktestRunView;
import io.trendline.api.backtest.BacktestSeries;
import io.trendline.api.backtest.BacktestStatus;
import io.trendline.api.backtest.BacktestTrade;
import io.trendline.api.backtest.BacktestTrades;
import io.trendline.api.backtest.BacktestVerification;
import io.trendline.api.backtest.BarCoverage;
import io.trendline.api.backtest.CompareBacktestRunsQuery;
import io.trendline.api.backtest.CountBacktestRunsQuery;
import io.trendline.api.backtest.FetchBacktestSeriesQuery;
import io.trendline.api.backtest.FindBacktestRunQuery;
import io.trendline.api.backtest.FindBacktestRunsQuery;
import io.trendline.api.backtest.FindBacktestTradesQuery;
import io.trendline.api.backtest.FindBarCoverageQuery;
import io.trendline.api.backtest.FollowBacktestQuery;
import io.trendline.api.backtest.VerifyBacktestQuery;
import io.trendline.api.strategy.RequestBacktestCommand;
import io.trendline.web.command.AuditedCommands;
import io.trendline.web.problem.BadRequestException;
import io.trendline.web.problem.NotFoundException;
import io.trendline.web.problem.ProblemException;
import io.trendline.web.security.CurrentUser;
import io.trendline.web.security.premium.Entitlements;
import io.trendline.web.strategy.StrategyAccess;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/**
 * Backtests over REST. A request answers 202 with the run's location: the runner works asynchronously and its
 * progress is streamed as server-sent events until the run completes or fails. Reading a run needs the right to
 * read its strategy (the owner, or an auditor).
 */
@RestController
@Validated
@Tag(name = "backtests", description = "Run, follow, read, compare and verify backtests")
class BacktestController {

    private static final Duration PROGRESS_TIMEOUT = Duration.ofMinutes(10);

    private final AuditedCommands commands;
    private final QueryGateway queries;
    private final CurrentUser currentUser;
    private final StrategyAccess access;
    private final Entitlements entitlements;
    private final BacktestLimits limits;
    private final Clock clock;

    BacktestController(AuditedCommands commands, QueryGateway queries, CurrentUser currentUser,
                       StrategyAccess access, Entitlements entitlements, BacktestLimits limits, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.currentUser = currentUser;
        this.access = access;
        this.entitlements = entitlements;
        this.limits = limits;
        this.clock = clock;
    }

    @PostMapping("/api/strategies/{strategyId}/backtests")
    @Operation(summary = "Backtest the strategy's current parameters over a range of stored bars")
    ResponseEntity<BacktestRequests.Requested> request(@PathVariable String strategyId,
                                                       @Valid @RequestBody BacktestRequests.Run body) {
        String symbol = access.symbolOfOwned(strategyId);
        if (!body.from().isBefore(body.to())) {
            throw new BadRequestException("the range is empty: from " + body.from() + " is not before to "
                    + body.to());
        }
        String user = currentUser.id();
        BacktestLimits.Plan plan = limits.of(entitlements.isPremium(user));
        Duration range = Duration.between(body.from(), body.to());
        if (range.compareTo(plan.maxRange()) > 0) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "plan-limit", "your plan backtests at most "
                    + plan.maxRange().toDays() + " days at a time; this range spans " + range.toDays() + " days");
        }
        if (plan.runsPerDay() > 0) {
            long today = queries.query(new CountBacktestRunsQuery(user, clock.instant().minus(Duration.ofDays(1))),
                    Long.class).join();
            if (today >= plan.runsPerDay()) {
                throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "plan-limit", "your plan runs "
                        + plan.runsPerDay() + " backtests a day; try again later or upgrade");
            }
        }
        BarCoverage coverage = queries.query(new FindBarCoverageQuery(symbol, body.from(), body.to()),
                BarCoverage.class).join();
        if (coverage.bars() == 0) {
            throw new BadRequestException("no " + symbol + " bars are stored between " + body.from()
                    + " and " + body.to());
        }
        String backtestId = UUID.randomUUID().toString();
        commands.send(user, new RequestBacktestCommand(strategyId, backtestId, body.intervalOrDefault(),
                body.from(), body.to(), body.capitalOrDefault(), body.feeOrDefault(), body.slippageOrDefault()));
        return ResponseEntity.accepted().location(URI.create("/api/backtests/" + backtestId))
                .body(new BacktestRequests.Requested(backtestId, strategyId));
    }

    @GetMapping("/api/strategies/{strategyId}/backtests")
    @Operation(summary = "The strategy's runs, newest first")
    BacktestRunList runs(@PathVariable String strategyId,
                         @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        access.readable(strategyId);
        return queries.query(new FindBacktestRunsQuery(strategyId, limit), BacktestRunList.class).join();
    }

    @GetMapping(path = "/api/strategies/{strategyId}/backtests/{backtestId}/progress",
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Follow a run as server-sent events (stage, fraction, message) until it ends")
    Flux<ServerSentEvent<BacktestProgress>> progress(@PathVariable String strategyId,
                                                     @PathVariable String backtestId) {
        access.requireOwner(strategyId);
        SubscriptionQueryResult<BacktestProgress, BacktestProgress> result = queries.subscriptionQuery(
                new FollowBacktestQuery(backtestId), ResponseTypes.instanceOf(BacktestProgress.class),
                ResponseTypes.instanceOf(BacktestProgress.class));
        return result.initialResult().concatWith(result.updates())
                .takeUntil(BacktestProgress::finished)
                .timeout(PROGRESS_TIMEOUT)
                .doFinally(signal -> result.close())
                .map(p -> ServerSentEvent.builder(p).event("progress").build());
    }

    @GetMapping("/api/backtests/{backtestId}")
    @Operation(summary = "One run: the request, its status, summary, digests and trades")
    BacktestDetails show(@PathVariable String backtestId) {
        BacktestRunView run = readable(backtestId);
        List<BacktestTrade> trades = run.status() == BacktestStatus.COMPLETED
                ? queries.query(new FindBacktestTradesQuery(backtestId), BacktestTrades.class).join().trades()
                : List.of();
        return new BacktestDetails(run, trades);
    }

    @GetMapping(path = "/api/backtests/{backtestId}/trades.csv", produces = "text/csv")
    @Operation(summary = "A run's trades as CSV")
    ResponseEntity<String> tradesCsv(@PathVariable String backtestId) {
        readable(backtestId);
        BacktestTrades trades = queries.query(new FindBacktestTradesQuery(backtestId), BacktestTrades.class).join();
        return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"backtest-" + backtestId
                + "-trades.csv\"").contentType(new MediaType("text", "csv")).body(TradesCsv.write(trades.trades()));
    }

    @GetMapping("/api/backtests/{backtestId}/series")
    @Operation(summary = "A run's equity and drawdown curves, downsampled to about `points` points for a chart")
    BacktestSeries series(@PathVariable String backtestId,
                          @RequestParam(defaultValue = "1000") @Min(3) @Max(10_000) int points) {
        requireCompleted(readable(backtestId));
        return queries.query(new FetchBacktestSeriesQuery(backtestId, points), BacktestSeries.class).join();
    }

    @GetMapping("/api/backtests/compare")
    @Operation(summary = "Several runs side by side, in the given order")
    BacktestRunList compare(@RequestParam List<String> ids) {
        if (ids.isEmpty() || ids.size() > 20) {
            throw new BadRequestException("compare between 1 and 20 runs; " + ids.size() + " were given");
        }
        ids.forEach(this::readable);
        return queries.query(new CompareBacktestRunsQuery(ids), BacktestRunList.class).join();
    }

    @PostMapping("/api/backtests/{backtestId}/verification")
    @Operation(summary = "Re-run a completed backtest from its events and compare every digest")
    BacktestVerification verify(@PathVariable String backtestId) {
        BacktestRunView run = requireCompleted(readable(backtestId));
        return queries.query(new VerifyBacktestQuery(run.strategyId(), backtestId), BacktestVerification.class)
                .join();
    }

    private BacktestRunView readable(String backtestId) {
        BacktestRunView run = queries.query(new FindBacktestRunQuery(backtestId),
                ResponseTypes.optionalInstanceOf(BacktestRunView.class)).join()
                .orElseThrow(() -> NotFoundException.of("backtest", backtestId));
        access.readable(run.strategyId());
        return run;
    }

    private static BacktestRunView requireCompleted(BacktestRunView run) {
        if (run.status() != BacktestStatus.COMPLETED) {
            throw new ProblemException(HttpStatus.CONFLICT, "backtest-not-completed", "backtest " + run.backtestId()
                    + " is " + run.status().name().toLowerCase(Locale.ROOT)
                    + (run.failureReason() == null ? "" : ": " + run.failureReason()));
        }
        return run;
    }

    /** A run and its trades. */
    record BacktestDetails(BacktestRunView run, List<BacktestTrade> trades) {
    }
}
