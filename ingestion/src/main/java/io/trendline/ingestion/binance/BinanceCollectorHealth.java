package io.trendline.ingestion.binance;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The collector in {@code /actuator/health}: mode and source (replayed data says so), the stream connection, and
 * per symbol whether it is caught up, its last closed candle and how far behind the source's clock it is. UP while it
 * collects, reconnects included; DOWN once the stream or a symbol has been failing for {@code down-after}; UNKNOWN
 * while starting or idle (replay mode without files), which leaves the application's overall status alone.
 */
public class BinanceCollectorHealth implements HealthIndicator {

    private final BinanceCollectorService service;
    private final Duration downAfter;

    public BinanceCollectorHealth(BinanceCollectorService service, Duration downAfter) {
        this.service = service;
        this.downAfter = downAfter;
    }

    @Override
    public Health health() {
        BinanceCollector collector = service.collector();
        Health.Builder health = switch (service.state()) {
            case RUNNING -> collector == null ? Health.unknown() : running(collector.status());
            case FAILED -> Health.down();
            default -> Health.unknown();
        };
        return health.withDetail("state", service.state().name().toLowerCase())
                .withDetail("mode", service.mode().name().toLowerCase())
                .withDetail("source", service.detail()).build();
    }

    private Health.Builder running(BinanceCollector.Status status) {
        boolean down = status.streamDownMillis() > downAfter.toMillis();
        Map<String, Object> symbols = new LinkedHashMap<>();
        for (SymbolFeed.Status s : status.symbols()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("connected", status.streamConnected());
            d.put("caughtUp", s.caughtUp());
            d.put("lastClosedCandle", s.lastClosedOpenTime() == null ? null
                    : Instant.ofEpochMilli(s.lastClosedOpenTime()).toString());
            d.put("lagSeconds", s.lagMillis() < 0 ? null : s.lagMillis() / 1000);
            d.put("published", s.published());
            d.put("repairedGaps", s.repairedGaps());
            d.put("repairedCandles", s.repairedCandles());
            d.put("duplicatesDropped", s.duplicatesDropped());
            if (s.problem() != null) {
                d.put("problem", s.problem());
            }
            symbols.put(s.symbol(), d);
            down |= s.problemForMillis() > downAfter.toMillis();
        }
        Map<String, Object> stream = new LinkedHashMap<>();
        stream.put("connected", status.streamConnected());
        stream.put("connects", status.streamConnects());
        stream.put("renewals", status.streamRenewals());
        stream.put("stalls", status.streamStalls());
        stream.put("deadLetters", status.deadLetters());
        if (status.streamProblem() != null) {
            stream.put("lastProblem", status.streamProblem());
        }
        Map<String, Object> rest = Map.of("requests", status.restRequests(), "rateLimited", status.restRateLimited(),
                "usedWeight", status.usedWeight());
        return (down ? Health.down() : Health.up()).withDetail("stream", stream).withDetail("rest", rest)
                .withDetail("symbols", symbols);
    }
}
