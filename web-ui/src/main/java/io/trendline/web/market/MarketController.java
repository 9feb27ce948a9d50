package io.trendline.web.market;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trendline.api.common.QueryRejectedException;
import io.trendline.api.market.Candle;
import io.trendline.api.market.CandleGaps;
import io.trendline.api.market.CandleInterval;
import io.trendline.api.market.CandlePage;
import io.trendline.api.market.FetchCandleGapsQuery;
import io.trendline.api.market.FetchCandlesQuery;
import io.trendline.api.market.FetchMarketSummaryQuery;
import io.trendline.api.market.MarketSummary;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletionException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Market data over HTTP. Times are epoch milliseconds or ISO-8601 instants ({@code 2025-06-01T00:00:00Z}); ranges
 * are {@code [from, to)}. Every check (symbol, interval, range, page size) is the query handler's, so REST, STOMP
 * and any other edge refuse the same things the same way.
 */
@RestController
@RequestMapping("/api/market")
@Tag(name = "market", description = "Price history: candles, latest price and 24h statistics, gaps")
class MarketController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final QueryGateway queries;

    MarketController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/{symbol}/candles")
    @Operation(summary = "OHLCV bars (1m, 5m, 15m, 1h, 4h, 1d, 1w) in [from, to), oldest first, a page at a time; "
            + "'next' is the from of the following page")
    CandlePage candles(@PathVariable String symbol, @RequestParam(defaultValue = "1h") String interval,
                       @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                       @RequestParam(defaultValue = "500") int limit) {
        return ask(new FetchCandlesQuery(symbol, interval(interval), time("from", from), time("to", to), limit),
                CandlePage.class);
    }

    @GetMapping("/{symbol}/candles.csv")
    @Operation(summary = "The same bars as CSV (open_time as ISO-8601 and epoch ms, open, high, low, close, volume), "
            + "the whole range rather than a page")
    ResponseEntity<StreamingResponseBody> candlesCsv(@PathVariable String symbol,
                                                     @RequestParam(defaultValue = "1h") String interval,
                                                     @RequestParam(required = false) String from,
                                                     @RequestParam(required = false) String to,
                                                     @RequestParam(defaultValue = "10000") int pageSize) {
        CandleInterval bars = interval(interval);
        // The first page is asked before the response starts, so a refused query is still a 400 problem.
        CandlePage first = ask(new FetchCandlesQuery(symbol, bars, time("from", from), time("to", to), pageSize),
                CandlePage.class);
        StreamingResponseBody body = out -> {
            try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF)
                    .build(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
                csv.writeRecord("open_time", "open_time_ms", "open", "high", "low", "close", "volume");
                CandlePage page = first;
                while (true) {
                    for (Candle c : page.candles()) {
                        csv.writeRecord(Instant.ofEpochMilli(c.openTime()).toString(), Long.toString(c.openTime()),
                                c.open().toPlainString(), c.high().toPlainString(), c.low().toPlainString(),
                                c.close().toPlainString(), c.volume().toPlainString());
                    }
                    if (page.next() == null) {
                        break;
                    }
                    page = ask(new FetchCandlesQuery(page.symbol(), bars, page.next(), page.to(), pageSize),
                            CandlePage.class);
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        };
        String name = first.symbol() + "-" + bars.code() + "-" + first.from() + "-" + first.to() + ".csv";
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(body);
    }

    @GetMapping("/{symbol}/summary")
    @Operation(summary = "Latest price and the 24 hours up to it: open, high, low, average, volume, change")
    MarketSummary summary(@PathVariable String symbol) {
        return ask(new FetchMarketSummaryQuery(symbol), MarketSummary.class);
    }

    @GetMapping("/{symbol}/gaps")
    @Operation(summary = "Missing 1-minute candles in [from, to); without bounds, between the first and last stored")
    CandleGaps gaps(@PathVariable String symbol, @RequestParam(required = false) String from,
                    @RequestParam(required = false) String to) {
        return ask(new FetchCandleGapsQuery(symbol, time("from", from), time("to", to)), CandleGaps.class);
    }

    /** Waits for the answer; a refusal comes out as the handler's own exception, which ProblemHandlers answer. */
    private <R> R ask(Object query, Class<R> type) {
        try {
            return queries.query(query, type).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static CandleInterval interval(String code) {
        return CandleInterval.find(code).orElseThrow(() -> QueryRejectedException.invalid("market.interval-invalid",
                "unknown interval '" + code + "'; use one of " + CandleInterval.codes()));
    }

    private static Long time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return v.chars().allMatch(Character::isDigit) ? Long.parseLong(v) : Instant.parse(v).toEpochMilli();
        } catch (NumberFormatException | DateTimeParseException e) {
            throw QueryRejectedException.invalid("market.time-invalid", name + " must be epoch milliseconds or an "
                    + "ISO-8601 instant such as 2025-06-01T00:00:00Z, was '" + value + "'");
        }
    }
}
