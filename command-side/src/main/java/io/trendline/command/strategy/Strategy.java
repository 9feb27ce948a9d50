package io.trendline.command.strategy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.trendline.api.backtest.BacktestStatus;
import io.trendline.api.common.CommandRejectedException;
import io.trendline.api.strategy.ArchiveStrategyCommand;
import io.trendline.api.strategy.BacktestCompletedEvent;
import io.trendline.api.strategy.BacktestFailedEvent;
import io.trendline.api.strategy.BacktestRequestedEvent;
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
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A trader's strategy: its type, symbol and parameters, and the backtests asked of it. Snapshots serialize the fields
 * directly (there are no getters); the revision lets Axon skip snapshots of an older
 * shape (revision 2 added the backtests' statuses).
 */
@Revision("2")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
@Aggregate(snapshotTriggerDefinition = "strategySnapshotTrigger")
class Strategy {

    @AggregateIdentifier
    private String strategyId;
    private String name;
    private StrategyType type;
    private String symbol;
    private Map<String, BigDecimal> parameters;
    private boolean archived;
    /** The status of every backtest asked of this strategy, by id: a run is answered once, by its runner. */
    private Map<String, BacktestStatus> backtests = new HashMap<>();

    protected Strategy() {
        // for Axon
    }

    @CommandHandler
    Strategy(CreateStrategyCommand command) {
        StrategyRules.requireId(command.strategyId());
        String name = StrategyRules.requireName(command.name());
        String symbol = StrategyRules.requireSymbol(command.symbol());
        if (command.type() == null) {
            throw CommandRejectedException.invalid("strategy.type-required", "a strategy needs a type");
        }
        Map<String, BigDecimal> parameters = StrategyRules.requireParameters(command.type(), command.parameters());
        apply(new StrategyCreatedEvent(command.strategyId(), command.ownerId(), name, command.type(), symbol,
                parameters));
    }

    @CommandHandler
    void handle(ChangeStrategyParametersCommand command) {
        requireActive();
        Map<String, BigDecimal> next = StrategyRules.requireParameters(type, command.parameters());
        if (!next.equals(parameters)) {
            apply(new StrategyParametersChangedEvent(strategyId, next, parameters));
        }
    }

    @CommandHandler
    void handle(RenameStrategyCommand command) {
        requireActive();
        String next = StrategyRules.requireName(command.name());
        if (!next.equals(name)) {
            apply(new StrategyRenamedEvent(strategyId, next, name));
        }
    }

    @CommandHandler
    void handle(ArchiveStrategyCommand command) {
        if (archived) {
            throw CommandRejectedException.conflict("strategy.archived", "strategy " + strategyId
                    + " is already archived");
        }
        apply(new StrategyArchivedEvent(strategyId, command.reason()));
    }

    @CommandHandler
    void handle(RequestBacktestCommand command) {
        requireActive();
        BacktestRequestRules.validate(command);
        if (backtests.containsKey(command.backtestId())) {
            throw CommandRejectedException.conflict("backtest.exists", "backtest " + command.backtestId()
                    + " was already requested");
        }
        apply(new BacktestRequestedEvent(strategyId, command.backtestId(), type, symbol, parameters,
                command.interval(), command.from(), command.to(), command.initialCapital(), command.feeBps(),
                command.slippageBps()));
    }

    @CommandHandler
    void handle(CompleteBacktestCommand command) {
        requireRunning(command.backtestId());
        if (command.summary() == null || command.digests() == null) {
            throw CommandRejectedException.invalid("backtest.result-incomplete",
                    "a completed backtest needs its summary and digests");
        }
        apply(new BacktestCompletedEvent(strategyId, command.backtestId(), command.summary(), command.digests()));
    }

    @CommandHandler
    void handle(FailBacktestCommand command) {
        requireRunning(command.backtestId());
        String reason = command.reason() == null || command.reason().isBlank() ? "unknown" : command.reason();
        apply(new BacktestFailedEvent(strategyId, command.backtestId(), reason));
    }

    /** A run requested before the strategy was archived may still finish; one that finished stays as it ended. */
    private void requireRunning(String backtestId) {
        BacktestStatus status = backtests.get(backtestId);
        if (status == null) {
            throw CommandRejectedException.notFound("backtest.not-found", "strategy " + strategyId
                    + " has no backtest " + backtestId);
        }
        if (status != BacktestStatus.REQUESTED) {
            throw CommandRejectedException.conflict("backtest.finished", "backtest " + backtestId + " already "
                    + status.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    @EventSourcingHandler
    void on(StrategyCreatedEvent event) {
        strategyId = event.strategyId();
        name = event.name();
        type = event.type();
        symbol = event.symbol();
        parameters = event.parameters();
    }

    @EventSourcingHandler
    void on(StrategyParametersChangedEvent event) {
        parameters = event.parameters();
    }

    @EventSourcingHandler
    void on(StrategyRenamedEvent event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(StrategyArchivedEvent event) {
        archived = true;
    }

    @EventSourcingHandler
    void on(BacktestRequestedEvent event) {
        backtests.put(event.backtestId(), BacktestStatus.REQUESTED);
    }

    @EventSourcingHandler
    void on(BacktestCompletedEvent event) {
        backtests.put(event.backtestId(), BacktestStatus.COMPLETED);
    }

    @EventSourcingHandler
    void on(BacktestFailedEvent event) {
        backtests.put(event.backtestId(), BacktestStatus.FAILED);
    }

    private void requireActive() {
        if (archived) {
            throw CommandRejectedException.conflict("strategy.archived", "strategy " + strategyId
                    + " is archived and can no longer change");
        }
    }
}
