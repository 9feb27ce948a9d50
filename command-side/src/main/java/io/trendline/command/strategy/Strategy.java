package io.trendline.command.strategy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.trendline.api.common.CommandRejectedException;
import io.trendline.api.strategy.ArchiveStrategyCommand;
import io.trendline.api.strategy.BacktestRequestedEvent;
import io.trendline.api.strategy.ChangeStrategyParametersCommand;
import io.trendline.api.strategy.CreateStrategyCommand;
import io.trendline.api.strategy.RenameStrategyCommand;
import io.trendline.api.strategy.RequestBacktestCommand;
import io.trendline.api.strategy.StrategyArchivedEvent;
import io.trendline.api.strategy.StrategyCreatedEvent;
import io.trendline.api.strategy.StrategyParametersChangedEvent;
import io.trendline.api.strategy.StrategyRenamedEvent;
import io.trendline.api.strategy.StrategyType;
import java.math.BigDecimal;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A trader's strategy: its type, symbol and parameters, and the backtests asked of it. Snapshots serialize the fields
 * directly (there are no getters); the revision lets Axon skip snapshots of an older shape.
 */
@Revision("1")
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
        apply(new BacktestRequestedEvent(strategyId, command.backtestId(), type, symbol, parameters,
                command.interval(), command.from(), command.to(), command.initialCapital(), command.feeBps(),
                command.slippageBps()));
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

    private void requireActive() {
        if (archived) {
            throw CommandRejectedException.conflict("strategy.archived", "strategy " + strategyId
                    + " is archived and can no longer change");
        }
    }
}
