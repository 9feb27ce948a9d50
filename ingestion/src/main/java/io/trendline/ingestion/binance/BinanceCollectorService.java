package io.trendline.ingestion.binance;

import io.trendline.ingestion.binance.fake.CandleSeries;
import io.trendline.ingestion.binance.fake.FakeBinance;
import io.trendline.ingestion.binance.fake.ReplayClock;
import io.trendline.ingestion.publish.KlinePublisher;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the collector inside the application. Starting returns at once: the replay files are read, the fake started
 * and the collector connected on a thread of its own, so neither a slow network nor a missing Binance delays the
 * application or stops it from starting; what went wrong shows in the health endpoint and the log.
 */
public class BinanceCollectorService implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceCollectorService.class);

    /** Where the service is in its life. */
    public enum State { STOPPED, STARTING, RUNNING, IDLE, FAILED }

    private final BinanceProperties properties;
    private final List<String> symbols;
    private final KlinePublisher publisher;
    private final Function<String, LastCandleStore> stores;
    private volatile State state = State.STOPPED;
    private volatile String detail = "";
    private volatile BinanceCollector collector;
    private volatile FakeBinance fake;
    private Thread starter;

    /**
     * @param stores the resume store for a source label ({@link KlinePublisher#SOURCE_LIVE} or
     *               {@link KlinePublisher#SOURCE_REPLAY})
     */
    public BinanceCollectorService(BinanceProperties properties, List<String> symbols, KlinePublisher publisher,
                                   Function<String, LastCandleStore> stores) {
        this.properties = properties;
        this.symbols = List.copyOf(symbols);
        this.publisher = publisher;
        this.stores = stores;
    }

    @Override
    public synchronized void start() {
        state = State.STARTING;
        starter = new Thread(this::startCollector, "binance-collector-start");
        starter.setDaemon(true);
        starter.start();
    }

    @Override
    public synchronized void stop() {
        if (starter != null) {
            starter.interrupt();
            try {
                starter.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (collector != null) {
            collector.close();
            collector = null;
        }
        if (fake != null) {
            fake.close();
            fake = null;
        }
        state = State.STOPPED;
    }

    @Override
    public boolean isRunning() {
        return state != State.STOPPED;
    }

    public State state() {
        return state;
    }

    /** Why the service is idle or failed, or what it serves. */
    public String detail() {
        return detail;
    }

    public BinanceProperties.Mode mode() {
        return properties.getMode();
    }

    /** The collector once it runs; {@code null} before. */
    public BinanceCollector collector() {
        return collector;
    }

    /** The fake replaying recorded candles, in replay mode; {@code null} otherwise. */
    public FakeBinance fake() {
        return fake;
    }

    private void startCollector() {
        try {
            if (properties.getMode() == BinanceProperties.Mode.REPLAY) {
                startReplay();
            } else {
                detail = "live Binance market data from " + properties.getRestUrl() + " and " + properties.getWsUrl();
                run(properties.getRestUrl(), properties.getWsUrl(), Clock.systemUTC(), KlinePublisher.SOURCE_LIVE,
                        symbols);
            }
        } catch (RuntimeException e) {
            state = State.FAILED;
            detail = "could not start: " + e.getMessage();
            LOG.error("Binance collector could not start; the rest of the application runs on", e);
        }
    }

    private void startReplay() {
        Path folder = ReplayFiles.folder(properties.getReplay().getDir()).orElse(null);
        Map<String, Path> files = folder == null ? Map.of() : ReplayFiles.find(folder, symbols);
        if (files.isEmpty()) {
            state = State.IDLE;
            detail = "replay mode, but no <SYMBOL>-1m-*.csv[.gz] for " + symbols + " in "
                    + (folder == null ? "shared/data/klines (not found from the working directory up)" : folder)
                    + "; set TRENDLINE_BINANCE_REPLAY_DIR, or TRENDLINE_BINANCE_MODE=live";
            LOG.warn("Binance collector idle: {}", detail);
            return;
        }
        long started = System.nanoTime();
        List<CandleSeries> series = files.entrySet().parallelStream()
                .map(e -> CandleSeries.read(e.getKey(), e.getValue())).toList();
        LastCandleStore store = stores.apply(KlinePublisher.SOURCE_REPLAY);
        Instant start = replayStart(series, store);
        ReplayClock clock = ReplayClock.running(start, properties.getReplay().getSpeed());
        fake = FakeBinance.builder().series(series).clock(clock).start();
        detail = "REPLAY of recorded Binance candles " + files.values().stream().map(p -> p.getFileName().toString())
                .toList() + " at " + properties.getReplay().getSpeed() + "x from " + start
                + " through a local fake Binance: NOT live market data";
        LOG.warn("Binance collector: {} (files read in {} ms)", detail, (System.nanoTime() - started) / 1_000_000);
        run(fake.restUrl(), fake.streamUrl(), clock, KlinePublisher.SOURCE_REPLAY, new ArrayList<>(files.keySet()));
    }

    /** Where the last replay stopped, else the first candle plus the initial backfill (which is then replayed). */
    private Instant replayStart(List<CandleSeries> series, LastCandleStore store) {
        if (properties.getReplay().getStart() != null) {
            return properties.getReplay().getStart();
        }
        long resume = Long.MIN_VALUE;
        for (CandleSeries s : series) {
            OptionalLong last = store.lastClosedOpenTime(s.symbol());
            if (last.isPresent()) {
                resume = Math.max(resume, last.getAsLong());
            }
        }
        long end = series.stream().mapToLong(CandleSeries::lastOpenTime).max().orElseThrow();
        if (resume != Long.MIN_VALUE) {
            if (resume >= end) {
                LOG.warn("The replay reached the end of its files ({}) in an earlier run; no new candles will come",
                        Instant.ofEpochMilli(end));
            }
            return Instant.ofEpochMilli(Math.min(resume, end) + CandleSeries.MINUTE);
        }
        long first = series.stream().mapToLong(CandleSeries::firstOpenTime).max().orElseThrow();
        return Instant.ofEpochMilli(first).plus(properties.getInitialBackfill());
    }

    private void run(URI restUrl, URI wsUrl, Clock clock, String source, List<String> collected) {
        if (Thread.currentThread().isInterrupted()) {
            return;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        BinanceCollector c = new BinanceCollector(new BinanceCollector.Settings(collected,
                properties.restSettings(restUrl), properties.streamSettings(wsUrl), properties.feedSettings(), source),
                publisher, stores.apply(source), clock, http);
        c.start();
        collector = c;
        state = State.RUNNING;
    }
}
