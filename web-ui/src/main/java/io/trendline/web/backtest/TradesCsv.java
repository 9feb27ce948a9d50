package io.trendline.web.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.trendline.api.backtest.BacktestTrade;
import java.io.UncheckedIOException;
import java.util.List;

/** Trades as CSV with a header row, written by Jackson's CSV module (RFC 4180 quoting). */
final class TradesCsv {

    private static final CsvMapper CSV = CsvMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    private static final CsvSchema SCHEMA = CSV.schemaFor(BacktestTrade.class).withHeader()
            .sortedBy("number", "side", "quantity", "entryTime", "entryPrice", "entryFee", "exitTime", "exitPrice",
                    "exitFee", "pnl", "returnFraction", "exitReason");

    private TradesCsv() {
    }

    static String write(List<BacktestTrade> trades) {
        try {
            return CSV.writer(SCHEMA).writeValueAsString(trades);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
