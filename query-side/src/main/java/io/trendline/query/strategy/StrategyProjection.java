package io.trendline.query.strategy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendline.api.strategy.FindStrategiesQuery;
import io.trendline.api.strategy.FindStrategyQuery;
import io.trendline.api.strategy.StrategyArchivedEvent;
import io.trendline.api.strategy.StrategyCreatedEvent;
import io.trendline.api.strategy.StrategyList;
import io.trendline.api.strategy.StrategyParametersChangedEvent;
import io.trendline.api.strategy.StrategyRenamedEvent;
import io.trendline.api.strategy.StrategyType;
import io.trendline.api.strategy.StrategyView;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The strategy read model in PostgreSQL. Every write is guarded by the event's sequence number, so a replayed or
 * redelivered event never moves a row backwards: the projection is idempotent.
 */
@Component
@ProcessingGroup(StrategyProjection.PROCESSING_GROUP)
class StrategyProjection {

    static final String PROCESSING_GROUP = "strategy-view";
    private static final TypeReference<TreeMap<String, BigDecimal>> PARAMETERS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    StrategyProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(StrategyCreatedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update("""
                INSERT INTO strategy_view (strategy_id, owner_id, name, type, symbol, parameters, archived, version,
                                           created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, FALSE, ?, ?, ?)
                ON CONFLICT (strategy_id) DO NOTHING""",
                event.strategyId(), event.ownerId(), event.name(), event.type().name(), event.symbol(),
                toJson(event.parameters()), version, java.sql.Timestamp.from(at), java.sql.Timestamp.from(at));
    }

    @EventHandler
    void on(StrategyParametersChangedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        update("parameters = ?::jsonb", toJson(event.parameters()), event.strategyId(), version, at);
    }

    @EventHandler
    void on(StrategyRenamedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        update("name = ?", event.name(), event.strategyId(), version, at);
    }

    @EventHandler
    void on(StrategyArchivedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        update("archived = ?", true, event.strategyId(), version, at);
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE strategy_view");
    }

    @QueryHandler
    Optional<StrategyView> handle(FindStrategyQuery query) {
        return jdbc.query("SELECT * FROM strategy_view WHERE strategy_id = ?", this::toView, query.strategyId())
                .stream().findFirst();
    }

    @QueryHandler
    StrategyList handle(FindStrategiesQuery query) {
        String where = " WHERE (?::text IS NULL OR owner_id = ?) AND (? OR NOT archived)";
        Object[] filter = {query.ownerId(), query.ownerId(), query.includeArchived()};
        Long total = jdbc.queryForObject("SELECT count(*) FROM strategy_view" + where, Long.class, filter);
        var page = jdbc.query("SELECT * FROM strategy_view" + where
                        + " ORDER BY created_at DESC, strategy_id LIMIT ? OFFSET ?", this::toView,
                query.ownerId(), query.ownerId(), query.includeArchived(), query.limit(), query.offset());
        return new StrategyList(page, total == null ? 0 : total);
    }

    private void update(String assignment, Object value, String strategyId, long version, Instant at) {
        jdbc.update("UPDATE strategy_view SET " + assignment + ", version = ?, updated_at = ?"
                + " WHERE strategy_id = ? AND version < ?", value, version, java.sql.Timestamp.from(at), strategyId, version);
    }

    private StrategyView toView(ResultSet row, int index) throws SQLException {
        return new StrategyView(row.getString("strategy_id"), row.getString("owner_id"), row.getString("name"),
                StrategyType.valueOf(row.getString("type")), row.getString("symbol"),
                fromJson(row.getString("parameters")), row.getBoolean("archived"), row.getLong("version"),
                row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant());
    }

    private String toJson(Map<String, BigDecimal> parameters) {
        try {
            return json.writeValueAsString(new TreeMap<>(parameters));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("parameters cannot be written as JSON", e);
        }
    }

    private Map<String, BigDecimal> fromJson(String parameters) {
        try {
            return json.readValue(parameters, PARAMETERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored parameters are not valid JSON", e);
        }
    }
}
