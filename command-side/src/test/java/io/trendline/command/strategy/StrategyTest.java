package io.trendline.command.strategy;

import io.trendline.api.common.CommandRejectedException;
import io.trendline.api.common.Rejection;
import io.trendline.api.strategy.ArchiveStrategyCommand;
import io.trendline.api.strategy.BacktestCompletedEvent;
import io.trendline.api.strategy.BacktestDigests;
import io.trendline.api.strategy.BacktestFailedEvent;
import io.trendline.api.strategy.BacktestRequestedEvent;
import io.trendline.api.strategy.BacktestSummary;
import io.trendline.api.strategy.ChangeStrategyParametersCommand;
import io.trendline.api.strategy.CompleteBacktestCommand;
import io.trendline.api.strategy.CreateStrategyCommand;
import io.trendline.api.strategy.FailBacktestCommand;
import io.trendline.api.strategy.RenameStrategyCommand;
import io.trendline.api.strategy.RequestBacktestCommand;
import io.trendline.api.strategy.StrategyArchivedEvent;
import io.trendline.api.strategy.StrategyCreatedEvent;
import io.trendline.api.strategy.StrategyParametersChangedEvent;
import io.trendline.api.strategy.StrategyRenamedEvent;
import io.trendline.api.strategy.StrategyType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StrategyTest {

    private static final String ID = "strategy-1";
    private static final Instant FROM = Instant.parse("2025-06-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2025-07-01T00:00:00Z");

    private FixtureConfiguration<Strategy> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Strategy.class);
    }

    private static Map<String, BigDecimal> params(int fast, int slow) {
        return new TreeMap<>(Map.of("fast", BigDecimal.valueOf(fast), "slow", BigDecimal.valueOf(slow)));
    }

    private static StrategyCreatedEvent created() {
        return new StrategyCreatedEvent(ID, "alice", "Golden cross", StrategyType.SMA_CROSSOVER, "BTCUSDT",
                params(10, 50));
    }

    private static RequestBacktestCommand backtest(String interval, Instant from, Instant to) {
        return new RequestBacktestCommand(ID, "bt-1", interval, from, to, new BigDecimal("10000"),
                new BigDecimal("10"), BigDecimal.ZERO);
    }

    private static Matcher<Object> rejection(Rejection.Kind kind, String code) {
        return new TypeSafeMatcher<>(Rejection.class) {
            @Override
            protected boolean matchesSafely(Object item) {
                Rejection rejection = (Rejection) item;
                return rejection.kind() == kind && rejection.code().equals(code);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + kind + " rejection coded " + code);
            }
        };
    }

    @Test
    void creatingAStrategyFillsInTheTypesDefaultParameters() {
        // when
        fixture.givenNoPriorActivity()
                .when(new CreateStrategyCommand(ID, "alice", "  Golden cross ", StrategyType.SMA_CROSSOVER,
                        "BTCUSDT", Map.of()))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(created());
    }

    @Test
    void creatingAStrategyWithParametersOutsideTheirBoundsIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateStrategyCommand(ID, "alice", "x", StrategyType.SMA_CROSSOVER, "BTCUSDT",
                        params(60, 50)))
                .expectNoEvents()
                .expectExceptionMessage("invalid parameters for SMA_CROSSOVER: fast must be less than slow")
                .expectException(CommandRejectedException.class);
    }

    @Test
    void creatingAStrategyWithAnUnknownParameterNamesIt() {
        fixture.givenNoPriorActivity()
                .when(new CreateStrategyCommand(ID, "alice", "x", StrategyType.BUY_AND_HOLD, "BTCUSDT",
                        Map.of("period", BigDecimal.ONE)))
                .expectNoEvents()
                .expectExceptionMessage("invalid parameters for BUY_AND_HOLD: period is not a parameter of "
                        + "BUY_AND_HOLD");
    }

    @Test
    void creatingAStrategyWithAFractionalPeriodIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateStrategyCommand(ID, "alice", "x", StrategyType.RSI_MEAN_REVERSION, "ETHUSDT",
                        Map.of("period", new BigDecimal("14.5"))))
                .expectNoEvents()
                .expectExceptionMessage("invalid parameters for RSI_MEAN_REVERSION: period must be a whole number, "
                        + "was 14.5");
    }

    @Test
    void creatingAStrategyWithALowerCaseSymbolIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateStrategyCommand(ID, "alice", "x", StrategyType.BUY_AND_HOLD, "btcusdt", Map.of()))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void creatingAStrategyWithoutANameIsRejectedAsInvalid() {
        fixture.givenNoPriorActivity()
                .when(new CreateStrategyCommand(ID, "alice", " ", StrategyType.BUY_AND_HOLD, "BTCUSDT", Map.of()))
                .expectNoEvents()
                .expectExceptionDetails(rejection(Rejection.Kind.INVALID, "strategy.name-invalid"));
    }

    @Test
    void changingParametersRecordsTheOldAndNewValues() {
        fixture.given(created())
                .when(new ChangeStrategyParametersCommand(ID, params(20, 100), null))
                .expectEvents(new StrategyParametersChangedEvent(ID, params(20, 100), params(10, 50)));
    }

    @Test
    void changingParametersToTheSameValuesRecordsNothing() {
        fixture.given(created())
                .when(new ChangeStrategyParametersCommand(ID, params(10, 50), null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void changingParametersToInvalidValuesIsRejected() {
        fixture.given(created())
                .when(new ChangeStrategyParametersCommand(ID, params(0, 50), null))
                .expectNoEvents()
                .expectExceptionDetails(rejection(Rejection.Kind.INVALID,
                        "strategy.parameters-invalid"));
    }

    @Test
    void renamingAStrategyRecordsThePreviousName() {
        fixture.given(created())
                .when(new RenameStrategyCommand(ID, "Death cross", null))
                .expectEvents(new StrategyRenamedEvent(ID, "Death cross", "Golden cross"));
    }

    @Test
    void archivingAStrategyRecordsTheReason() {
        fixture.given(created())
                .when(new ArchiveStrategyCommand(ID, "superseded", null))
                .expectEvents(new StrategyArchivedEvent(ID, "superseded"));
    }

    @Test
    void archivingAnArchivedStrategyIsAConflict() {
        fixture.given(created(), new StrategyArchivedEvent(ID, "done"))
                .when(new ArchiveStrategyCommand(ID, "again", null))
                .expectNoEvents()
                .expectExceptionDetails(rejection(Rejection.Kind.CONFLICT, "strategy.archived"));
    }

    @Test
    void changingAnArchivedStrategyIsAConflict() {
        fixture.given(created(), new StrategyArchivedEvent(ID, "done"))
                .when(new ChangeStrategyParametersCommand(ID, params(20, 100), null))
                .expectNoEvents()
                .expectExceptionDetails(rejection(Rejection.Kind.CONFLICT, "strategy.archived"));
    }

    @Test
    void requestingABacktestCarriesTheParametersInForceAtTheTime() {
        fixture.given(created(), new StrategyParametersChangedEvent(ID, params(5, 20), params(10, 50)))
                .when(backtest("1h", FROM, TO))
                .expectEvents(new BacktestRequestedEvent(ID, "bt-1", StrategyType.SMA_CROSSOVER, "BTCUSDT",
                        params(5, 20), "1h", FROM, TO, new BigDecimal("10000"), new BigDecimal("10"),
                        BigDecimal.ZERO));
    }

    @Test
    void requestingABacktestOverAnEmptyRangeIsRejected() {
        fixture.given(created())
                .when(backtest("1h", TO, FROM))
                .expectNoEvents()
                .expectExceptionDetails(rejection(Rejection.Kind.INVALID, "backtest.range-empty"));
    }

    @Test
    void requestingABacktestAtAnUnknownIntervalIsRejected() {
        fixture.given(created())
                .when(backtest("7m", FROM, TO))
                .expectNoEvents()
                .expectExceptionDetails(rejection(Rejection.Kind.INVALID,
                        "backtest.interval-invalid"));
    }

    @Test
    void requestingABacktestOfAnArchivedStrategyIsAConflict() {
        fixture.given(created(), new StrategyArchivedEvent(ID, "done"))
                .when(backtest("1h", FROM, TO))
                .expectNoEvents()
                .expectExceptionDetails(rejection(Rejection.Kind.CONFLICT, "strategy.archived"));
    }

    private static BacktestRequestedEvent requested() {
        return new BacktestRequestedEvent(ID, "bt-1", StrategyType.SMA_CROSSOVER, "BTCUSDT", params(10, 50), "1h",
                FROM, TO, new BigDecimal("10000"), new BigDecimal("10"), BigDecimal.ZERO);
    }

    private static BacktestSummary summary() {
        return new BacktestSummary(720, 50, FROM, TO.minusSeconds(3600), 0, 10_000.0, 10_500.0, 0.05, 0.8, 0.4, 1.2,
                1.5, 2.0, 0.1, 30, 4, 0.5, 1.4, 125.0, 0.012, 0.6, 0.03, 0.02);
    }

    private static BacktestDigests digests() {
        return new BacktestDigests("trendline-backtest/1", "s", "b", "t", "e", "i", "o");
    }

    @Test
    void requestingABacktestUnderAnIdAlreadyUsedIsAConflict() {
        fixture.given(created(), requested())
                .when(backtest("1h", FROM, TO))
                .expectNoEvents()
                .expectExceptionDetails(rejection(Rejection.Kind.CONFLICT, "backtest.exists"));
    }

    @Test
    void completingARequestedBacktestRecordsItsSummaryAndDigests() {
        fixture.given(created(), requested())
                .when(new CompleteBacktestCommand(ID, "bt-1", summary(), digests()))
                .expectEvents(new BacktestCompletedEvent(ID, "bt-1", summary(), digests()));
    }

    @Test
    void aRunRequestedBeforeArchivingMayStillComplete() {
        fixture.given(created(), requested(), new StrategyArchivedEvent(ID, "done"))
                .when(new CompleteBacktestCommand(ID, "bt-1", summary(), digests()))
                .expectEvents(new BacktestCompletedEvent(ID, "bt-1", summary(), digests()));
    }

    @Test
    void completingWithoutDigestsIsRejected() {
        fixture.given(created(), requested())
                .when(new CompleteBacktestCommand(ID, "bt-1", summary(), null))
                .expectNoEvents()
                .expectExceptionDetails(rejection(Rejection.Kind.INVALID, "backtest.result-incomplete"));
    }

    @Test
    void completingAnUnknownBacktestIsNotFound() {
        fixture.given(created())
                .when(new CompleteBacktestCommand(ID, "bt-9", summary(), digests()))
                .expectNoEvents()
                .expectExceptionDetails(rejection(Rejection.Kind.NOT_FOUND, "backtest.not-found"));
    }

    @Test
    void aBacktestIsAnsweredOnlyOnce() {
        fixture.given(created(), requested(), new BacktestCompletedEvent(ID, "bt-1", summary(), digests()))
                .when(new FailBacktestCommand(ID, "bt-1", "late failure"))
                .expectNoEvents()
                .expectExceptionDetails(rejection(Rejection.Kind.CONFLICT, "backtest.finished"));
    }

    @Test
    void failingARequestedBacktestRecordsTheReason() {
        fixture.given(created(), requested())
                .when(new FailBacktestCommand(ID, "bt-1", "no BTCUSDT bars in range"))
                .expectEvents(new BacktestFailedEvent(ID, "bt-1", "no BTCUSDT bars in range"));
    }

    @Test
    void failingAFailedBacktestAgainIsAConflict() {
        fixture.given(created(), requested(), new BacktestFailedEvent(ID, "bt-1", "first"))
                .when(new FailBacktestCommand(ID, "bt-1", "second"))
                .expectNoEvents()
                .expectExceptionDetails(rejection(Rejection.Kind.CONFLICT, "backtest.finished"));
    }
}
