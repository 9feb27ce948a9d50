package io.trendline.ingestion.binance;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendline.api.market.Kline;
import io.trendline.ingestion.publish.KlinePublisher;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects 1-minute candles of the configured symbols from one Binance endpoint (real or the fake) into Kafka: one
 * {@link SymbolFeed} per symbol and one combined {@link BinanceStream} for all of them. Malformed stream messages go
 * to the dead-letter topic with their reason, and the stream moves on.
 */
public final class BinanceCollector implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceCollector.class);

    /** Everything a collector needs; {@code source} labels the records ({@link KlinePublisher#SOURCE_HEADER}). */
    public record Settings(List<String> symbols, BinanceRestClient.Settings rest, BinanceStream.Settings stream,
                           SymbolFeed.Settings feed, String source) {
    }

    /** The collector's state for the health endpoint. */
    public record Status(String source, boolean streamConnected, long streamDownMillis, String streamProblem,
                         long streamConnects, long streamRenewals, long streamStalls, long deadLetters,
                         long restRequests, long restRateLimited, long usedWeight, List<SymbolFeed.Status> symbols) {
    }

    private final Settings settings;
    private final KlinePublisher publisher;
    private final BinanceRestClient rest;
    private final BinanceStream stream;
    private final Map<String, SymbolFeed> feeds = new LinkedHashMap<>();
    private final ObjectMapper mapper = new ObjectMapper();
    private final AtomicLong deadLetters = new AtomicLong();

    public BinanceCollector(Settings settings, KlinePublisher publisher, LastCandleStore store, Clock sourceClock,
                            HttpClient http) {
        this.settings = settings;
        this.publisher = publisher;
        this.rest = new BinanceRestClient(settings.rest(), http, mapper);
        for (String symbol : settings.symbols()) {
            feeds.put(symbol, new SymbolFeed(symbol, rest, publisher, store, settings.source(), settings.feed(),
                    sourceClock));
        }
        this.stream = new BinanceStream(settings.stream(), settings.symbols(), new BinanceStream.Handler() {
            @Override
            public void onKline(Kline kline) {
                SymbolFeed feed = feeds.get(kline.symbol());
                if (feed != null) {
                    feed.onStream(kline);
                }
            }

            @Override
            public void onMalformed(String raw, String reason) {
                deadLetter(raw, reason);
            }
        }, http, mapper);
    }

    public void start() {
        LOG.info("Collecting {} from {} and {} ({})", settings.symbols(), settings.rest().baseUrl(),
                settings.stream().baseUrl(), settings.source());
        feeds.values().forEach(SymbolFeed::start);
        stream.start();
    }

    public Status status() {
        return new Status(settings.source(), stream.isConnected(), stream.downFor().toMillis(), stream.lastProblem(),
                stream.connects(),
                stream.renewals(), stream.stalls(), deadLetters.get(), rest.requests(), rest.rateLimitedAnswers(),
                rest.usedWeight(), feeds.values().stream().map(SymbolFeed::status).toList());
    }

    BinanceStream stream() {
        return stream;
    }

    BinanceRestClient rest() {
        return rest;
    }

    @Override
    public void close() {
        stream.close();
        feeds.values().forEach(SymbolFeed::close);
    }

    private void deadLetter(String raw, String reason) {
        deadLetters.incrementAndGet();
        LOG.warn("Malformed message from the Binance stream ({}), sent to {}", reason,
                publisher.topics().deadLetter());
        publisher.deadLetter(BinanceKlines.symbolOf(mapper, raw), raw, reason, settings.source(),
                stream.uri().toString()).exceptionally(e -> {
                    LOG.error("Dead letter could not be written to {}: {}; message was: {}",
                            publisher.topics().deadLetter(), e.toString(), raw);
                    return null;
                });
    }
}
