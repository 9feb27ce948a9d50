package io.trendline.web.backtest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trendline.api.backtest.BacktestProgress;
import io.trendline.api.backtest.FollowBacktestQuery;
import io.trendline.api.backtest.OptimisationResult;
import io.trendline.api.backtest.OptimizeStrategyQuery;
import io.trendline.api.strategy.StrategyView;
import io.trendline.web.problem.BadRequestException;
import io.trendline.web.problem.ProblemException;
import io.trendline.web.security.CurrentUser;
import io.trendline.web.security.premium.Entitlements;
import io.trendline.web.security.premium.RequiresPremium;
import io.trendline.web.strategy.StrategyAccess;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryExecutionException;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/**
 * Parameter optimisation of a strategy, a premium feature: grid or random search over parameter sweeps with a chosen
 * objective, optionally walked forward. Runs on the backtest runner and answers when done; its progress can be
 * followed under the optimisation id the caller chose.
 */
@RestController
@Validated
@Tag(name = "optimisation", description = "Search a strategy's parameters (premium)")
public class OptimisationController {

    private final QueryGateway queries;
    private final StrategyAccess access;
    private final CurrentUser currentUser;
    private final Entitlements entitlements;
    private final BacktestLimits limits;

    OptimisationController(QueryGateway queries, StrategyAccess access, CurrentUser currentUser,
                           Entitlements entitlements, BacktestLimits limits) {
        this.queries = queries;
        this.access = access;
        this.currentUser = currentUser;
        this.entitlements = entitlements;
        this.limits = limits;
    }

    @RequiresPremium
    @PostMapping("/api/strategies/{strategyId}/optimisations")
    @Operation(summary = "Search the strategy's parameters over a range of stored bars (premium)")
    public OptimisationResult optimise(@PathVariable String strategyId,
                                       @Valid @RequestBody BacktestRequests.Optimise body) {
        StrategyView strategy = access.readable(strategyId);
        access.requireOwner(strategyId);
        if (!body.from().isBefore(body.to())) {
            throw new BadRequestException("the range is empty: from " + body.from() + " is not before to "
                    + body.to());
        }
        Duration range = Duration.between(body.from(), body.to());
        BacktestLimits.Plan plan = limits.of(entitlements.isPremium(currentUser.id()));
        if (range.compareTo(plan.maxRange()) > 0) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "plan-limit", "your plan searches at most "
                    + plan.maxRange().toDays() + " days at a time");
        }
        String id = body.optimisationId() == null ? UUID.randomUUID().toString() : body.optimisationId();
        Map<String, BigDecimal> fixed = strategy.parameters();
        OptimizeStrategyQuery query = new OptimizeStrategyQuery(id, strategy.type(), strategy.symbol(), fixed,
                body.sweeps(), body.intervalOrDefault(), body.from(), body.to(), body.capitalOrDefault(),
                body.feeOrDefault(), body.slippageOrDefault(), body.objectiveOrDefault(), body.searchOrDefault(),
                body.samplesOrDefault(), body.seedOrDefault(), body.walkForward());
        try {
            return queries.query(query, OptimisationResult.class).join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() instanceof QueryExecutionException q && q.getCause() != null
                    ? q.getCause() : e.getCause();
            if (cause instanceof IllegalArgumentException refused) {
                throw new BadRequestException(refused.getMessage());
            }
            throw e;
        }
    }

    @RequiresPremium
    @GetMapping(path = "/api/strategies/{strategyId}/optimisations/{optimisationId}/progress",
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Follow an optimisation as server-sent events until it ends")
    public Flux<ServerSentEvent<BacktestProgress>> progress(@PathVariable String strategyId,
                                                            @PathVariable String optimisationId) {
        access.requireOwner(strategyId);
        SubscriptionQueryResult<BacktestProgress, BacktestProgress> result = queries.subscriptionQuery(
                new FollowBacktestQuery(optimisationId), ResponseTypes.instanceOf(BacktestProgress.class),
                ResponseTypes.instanceOf(BacktestProgress.class));
        return result.initialResult().concatWith(result.updates())
                .takeUntil(BacktestProgress::finished)
                .timeout(Duration.ofMinutes(10))
                .doFinally(signal -> result.close())
                .map(p -> ServerSentEvent.builder(p).event("progress").build());
    }
}
