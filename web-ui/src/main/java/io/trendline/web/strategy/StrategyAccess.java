package io.trendline.web.strategy;

import io.trendline.api.audit.AggregateHistory;
import io.trendline.api.audit.EventRecord;
import io.trendline.api.audit.FetchAggregateHistoryQuery;
import io.trendline.api.strategy.FindStrategyQuery;
import io.trendline.api.strategy.StrategyCreatedEvent;
import io.trendline.api.strategy.StrategyView;
import io.trendline.web.problem.NotFoundException;
import io.trendline.web.problem.ProblemException;
import io.trendline.web.security.CurrentUser;
import io.trendline.web.security.Role;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Who may touch a strategy: its owner (the user who created it), and for reading also an auditor. Another user's
 * strategy is answered with 403, not 404: strategy ids are random UUIDs, so confirming that one exists tells a
 * prober nothing it could use, while a client that mixed up accounts is told what is wrong. The owner comes from
 * the read model, or, right after creation when the read model has not caught up yet, from the strategy's first
 * event, so a change sent at once is neither refused nor let through by mistake.
 */
@Component
public class StrategyAccess {

    private final QueryGateway queries;
    private final CurrentUser currentUser;

    StrategyAccess(QueryGateway queries, CurrentUser currentUser) {
        this.queries = queries;
        this.currentUser = currentUser;
    }

    /** The strategy if the caller may read it; 404 if the read model has none, 403 if it is another user's. */
    public StrategyView readable(String id) {
        StrategyView view = find(id).orElseThrow(() -> NotFoundException.of("strategy", id));
        if (!currentUser.has(Role.AUDITOR)) {
            requireOwn(id, view.ownerId());
        }
        return view;
    }

    /** The events of a strategy the caller may read; an auditor may read any aggregate's events. */
    AggregateHistory history(String id, Instant asOf) {
        AggregateHistory full = queries.query(new FetchAggregateHistoryQuery(id, null), AggregateHistory.class)
                .join();
        if (full.events().isEmpty()) {
            throw NotFoundException.of("strategy", id);
        }
        if (!currentUser.has(Role.AUDITOR)) {
            requireOwn(id, ownerIn(full).orElseThrow(() -> NotFoundException.of("strategy", id)));
        }
        return asOf == null ? full : new AggregateHistory(id, full.events().stream()
                .filter(e -> !e.timestamp().isAfter(asOf)).toList());
    }

    /** Refuses unless the caller owns the strategy; 404 when there is no such strategy. */
    public void requireOwner(String id) {
        String owner = find(id).map(StrategyView::ownerId).or(() -> ownerIn(
                        queries.query(new FetchAggregateHistoryQuery(id, null), AggregateHistory.class).join()))
                .orElseThrow(() -> NotFoundException.of("strategy", id));
        requireOwn(id, owner);
    }

    /**
     * The symbol of a strategy the caller owns, refused as {@link #requireOwner} refuses; read, like the owner, from
     * the strategy's first event while the read model has not caught up.
     */
    public String symbolOfOwned(String id) {
        Optional<StrategyView> view = find(id);
        if (view.isPresent()) {
            requireOwn(id, view.get().ownerId());
            return view.get().symbol();
        }
        AggregateHistory history = queries.query(new FetchAggregateHistoryQuery(id, null), AggregateHistory.class)
                .join();
        requireOwn(id, ownerIn(history).orElseThrow(() -> NotFoundException.of("strategy", id)));
        return String.valueOf(history.events().get(0).payload().get("symbol"));
    }

    private void requireOwn(String id, String owner) {
        if (!currentUser.id().equals(owner)) {
            throw ProblemException.forbidden("not-owner", "strategy " + id + " belongs to another user");
        }
    }

    private static Optional<String> ownerIn(AggregateHistory history) {
        if (history.events().isEmpty()) {
            return Optional.empty();
        }
        EventRecord first = history.events().get(0);
        if (!StrategyCreatedEvent.class.getSimpleName().equals(first.type())) {
            return Optional.empty();
        }
        return Optional.ofNullable(first.payload().get("ownerId")).map(String::valueOf);
    }

    private Optional<StrategyView> find(String id) {
        return queries.query(new FindStrategyQuery(id), ResponseTypes.optionalInstanceOf(StrategyView.class))
                .join();
    }
}
