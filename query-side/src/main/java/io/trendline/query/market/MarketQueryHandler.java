package io.trendline.query.market;

import io.trendline.api.common.QueryRejectedException;
import io.trendline.api.common.Rejection;
import io.trendline.api.market.Candle;
import io.trendline.api.market.CandleGaps;
import io.trendline.api.market.CandleInterval;
import io.trendline.api.market.CandlePage;
import io.trendline.api.market.FetchCandleGapsQuery;
import io.trendline.api.market.FetchCandlesQuery;
import io.trendline.api.market.FetchMarketSummaryQuery;
import io.trendline.api.market.MarketSummary;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Answers the market queries: checks them (symbol, interval, range, page size; a refusal carries a {@link
 * Rejection}, which the edge turns into a 400) and reads the answer through {@link CandleRepository}.
 */
@Component
@EnableConfigurationProperties(MarketQueryProperties.class)
class MarketQueryHandler {

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,20}");
    private static final long MINUTE = 60_000L;

    private final CandleRepository candles;
    private final KnownSymbols symbols;
    private final MarketQueryProperties limits;

    MarketQueryHandler(CandleRepository candles, KnownSymbols symbols, MarketQueryProperties limits) {
        this.candles = candles;
        this.symbols = symbols;
        this.limits = limits;
    }

    @QueryHandler
    CandlePage handle(FetchCandlesQuery query) {
        String symbol = symbol(query.symbol());
        CandleInterval interval = query.interval();
        if (interval == null) {
            throw invalid("market.interval-invalid", "name an interval: one of " + CandleInterval.codes());
        }
        if (query.limit() < 1 || query.limit() > limits.maxLimit()) {
            throw invalid("market.limit-invalid", "limit must be 1 to " + limits.maxLimit() + ", was "
                    + query.limit());
        }
        long step = interval.millis();
        Long to = query.to() != null ? query.to() : candles.lastOpenTime(symbol).map(t -> t + MINUTE).orElse(null);
        if (to == null) {
            throw invalid("market.no-data", "there are no candles of " + symbol + " yet");
        }
        long from = interval.barStart(query.from() != null ? query.from() : interval.barStart(to - 1)
                - (query.limit() - 1) * step);
        checkRange(from, to, interval);
        long scanTo = Math.min(to, from + query.limit() * step);
        List<Candle> bars = candles.bars(symbol, interval, from, scanTo, query.limit());
        Long next = null;
        if (scanTo < to) {
            next = bars.size() == query.limit() ? scanTo
                    : candles.firstOpenTimeFrom(symbol, scanTo, to).map(interval::barStart).orElse(null);
        }
        return new CandlePage(symbol, interval, from, to, bars, next);
    }

    @QueryHandler
    MarketSummary handle(FetchMarketSummaryQuery query) {
        String symbol = symbol(query.symbol());
        return candles.summary(symbol).orElseThrow(() -> invalid("market.no-data", "there are no candles of "
                + symbol + " yet"));
    }

    @QueryHandler
    CandleGaps handle(FetchCandleGapsQuery query) {
        String symbol = symbol(query.symbol());
        Long from = query.from() != null ? CandleInterval.M1.barStart(query.from())
                : candles.firstOpenTimeFrom(symbol, 0, Long.MAX_VALUE).orElse(null);
        Long to = query.to() != null ? query.to() : candles.lastOpenTime(symbol).map(t -> t + MINUTE).orElse(null);
        if (from == null || to == null) {
            throw invalid("market.no-data", "there are no candles of " + symbol + " yet");
        }
        checkRange(from, to, CandleInterval.M1);
        return candles.gaps(symbol, from, to, limits.maxGaps());
    }

    private String symbol(String raw) {
        if (raw == null || raw.isBlank()) {
            throw invalid("market.symbol-missing", "name a symbol, e.g. BTCUSDT");
        }
        String symbol = raw.trim().toUpperCase(Locale.ROOT);
        if (!SYMBOL.matcher(symbol).matches()) {
            throw invalid("market.symbol-invalid", "a symbol is 2 to 20 letters or digits, was '" + raw + "'");
        }
        if (!symbols.isKnown(symbol)) {
            throw invalid("market.unknown-symbol", "unknown symbol " + symbol
                    + ": it is not configured and has no candles");
        }
        return symbol;
    }

    private void checkRange(long from, long to, CandleInterval interval) {
        if (to <= from) {
            throw invalid("market.range-inverted", "the range ends (" + to + ") before it starts (" + from + ")");
        }
        long bars = (to - from + interval.millis() - 1) / interval.millis();
        if (bars > limits.maxRangeBars()) {
            throw invalid("market.range-too-large", "the range spans " + bars + " bars of " + interval.code()
                    + "; at most " + limits.maxRangeBars() + " are allowed: narrow it or use a longer interval");
        }
    }

    private static QueryRejectedException invalid(String code, String message) {
        return new QueryRejectedException(Rejection.Kind.INVALID, code, message);
    }
}
