package io.trendline.query.backtest;

import com.clickhouse.data.ClickHouseFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.trendline.api.backtest.BacktestStatus;
import io.trendline.api.common.AuditMetaData;
import io.trendline.api.strategy.BacktestCompletedEvent;
import io.trendline.api.strategy.BacktestFailedEvent;
import io.trendline.api.strategy.BacktestRequestedEvent;
import io.trendline.api.strategy.BacktestSummary;
import io.trendline.platform.clickhouse.ClickHouse;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Projects the runs of every strategy into ClickHouse's {@code backtest_runs}. A run's row is written again, whole,
 * at each step with the event's sequence number as its version, so a redelivered event writes an identical row and
 * FINAL keeps the newest: idempotent, and the table is the same however often it is rebuilt from the events.
 * The events of one strategy arrive in order (Axon's default sequencing by aggregate), so the row read back before
 * a step is the one its previous step wrote.
 */
@Component
@ProcessingGroup(BacktestRunProjection.PROCESSING_GROUP)
class BacktestRunProjection {

    static final String PROCESSING_GROUP = "backtest-runs";
    static final List<String> COLUMNS = List.of("strategy_id", "backtest_id", "requested_by", "strategy_type",
            "symbol", "parameters", "interval", "range_from", "range_to", "initial_capital", "fee_bps",
            "slippage_bps", "status", "requested_at", "finished_at", "total_return", "sharpe", "max_drawdown",
            "trades", "final_equity", "summary", "digests", "failure_reason", "version");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    private final ClickHouse clickHouse;
    private final BacktestRunReader reader;
    private final ObjectMapper json;
    private final ObjectMapper rows;

    BacktestRunProjection(ClickHouse clickHouse, BacktestRunReader reader, ObjectMapper json) {
        this.clickHouse = clickHouse;
        this.reader = reader;
        this.json = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .setSerializationInclusion(JsonInclude.Include.ALWAYS);
        this.rows = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.ALWAYS)
                .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
    }

    @EventHandler
    void on(BacktestRequestedEvent e, @SequenceNumber long version, @Timestamp Instant at,
            @MetaDataValue(AuditMetaData.USER_ID) String userId) {
        write(new BacktestRunRow(e.strategyId(), e.backtestId(), userId == null ? "" : userId, e.type().name(),
                e.symbol(), toJson(new TreeMap<>(e.parameters())), e.interval(), time(e.from()), time(e.to()),
                e.initialCapital(), e.feeBps(), e.slippageBps(), BacktestStatus.REQUESTED.name(), time(at), null,
                null, null, null, null, null, "", "", "", version));
    }

    @EventHandler
    void on(BacktestCompletedEvent e, @SequenceNumber long version, @Timestamp Instant at) {
        BacktestRunRow r = reader.row(e.strategyId(), e.backtestId());
        BacktestSummary s = e.summary();
        write(new BacktestRunRow(r.strategyId(), r.backtestId(), r.requestedBy(), r.strategyType(), r.symbol(),
                r.parameters(), r.interval(), r.rangeFrom(), r.rangeTo(), r.initialCapital(), r.feeBps(),
                r.slippageBps(), BacktestStatus.COMPLETED.name(), r.requestedAt(), time(at), s.totalReturn(),
                s.sharpe(), s.maxDrawdown(), s.trades(), s.finalEquity(), toJson(s), toJson(e.digests()), "",
                version));
    }

    @EventHandler
    void on(BacktestFailedEvent e, @SequenceNumber long version, @Timestamp Instant at) {
        BacktestRunRow r = reader.row(e.strategyId(), e.backtestId());
        write(new BacktestRunRow(r.strategyId(), r.backtestId(), r.requestedBy(), r.strategyType(), r.symbol(),
                r.parameters(), r.interval(), r.rangeFrom(), r.rangeTo(), r.initialCapital(), r.feeBps(),
                r.slippageBps(), BacktestStatus.FAILED.name(), r.requestedAt(), time(at), null, null, null, null,
                null, "", "", e.reason(), version));
    }

    @ResetHandler
    void reset() {
        clickHouse.jdbc().execute("TRUNCATE TABLE IF EXISTS backtest_runs");
    }

    private void write(BacktestRunRow row) {
        clickHouse.insert("backtest_runs", COLUMNS, ClickHouseFormat.JSONEachRow, out -> {
            rows.writeValue(out, row);
            out.write('\n');
        });
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }
}
