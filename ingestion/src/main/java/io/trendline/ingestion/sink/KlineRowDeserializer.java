package io.trendline.ingestion.sink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.trendline.ingestion.store.CharSlice;
import io.trendline.ingestion.store.InvalidKlineException;
import io.trendline.ingestion.store.KlineRow;
import io.trendline.ingestion.store.ScaledDecimal;
import java.io.IOException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a {@link io.trendline.api.market.Kline} as JSON straight into a validated {@link KlineRow}, with Jackson's
 * streaming parser: no intermediate Kline and no BigDecimal per field, which databind would cost on every record of
 * a sink meant to take 300,000 a second. Decimals may come as JSON numbers or strings; unknown fields are skipped.
 * Anything wrong throws, so that the {@code ErrorHandlingDeserializer} around this one hands the reason on.
 */
public class KlineRowDeserializer implements Deserializer<KlineRow> {

    private static final JsonFactory JSON = new JsonFactory();

    private static final int ALL_REQUIRED = 127;

    private final CharSlice slice = new CharSlice();
    private final long[] high = new long[4];

    @Override
    public KlineRow deserialize(String topic, byte[] data) {
        if (data == null || data.length == 0) {
            throw new InvalidKlineException("empty record");
        }
        try (JsonParser json = JSON.createParser(data)) {
            return read(json);
        } catch (JsonProcessingException e) {
            // No cause: the reason travels Java-serialized in a record header, and Jackson's exceptions hold a parser.
            throw new InvalidKlineException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidKlineException("not JSON: " + e.getMessage());
        } catch (NumberFormatException e) {
            throw new InvalidKlineException("bad number: " + e.getMessage(), e);
        }
    }

    private KlineRow read(JsonParser json) throws IOException {
        if (json.nextToken() != JsonToken.START_OBJECT) {
            throw new InvalidKlineException("not a JSON object");
        }
        String symbol = null;
        String interval = null;
        Boolean closed = null;
        long openTime = 0;
        long closeTime = 0;
        long open = 0;
        long highPrice = 0;
        long low = 0;
        long close = 0;
        long volume = 0;
        long quoteVolume = 0;
        long takerBase = 0;
        long takerQuote = 0;
        long trades = 0;
        int present = 0;
        int required = 0;
        String field;
        while ((field = json.nextFieldName()) != null) {
            JsonToken token = json.nextToken();
            if (token == JsonToken.VALUE_NULL) {
                continue;
            }
            switch (field) {
                case "symbol" -> {
                    symbol = json.getText();
                    required |= 1;
                }
                case "interval" -> interval = json.getText();
                case "closed" -> closed = json.getValueAsBoolean();
                case "openTime" -> {
                    openTime = longValue(json, field);
                    required |= 2;
                }
                case "closeTime" -> closeTime = longValue(json, field);
                case "trades" -> {
                    trades = longValue(json, field);
                    present |= 1;
                }
                case "open" -> {
                    open = ScaledDecimal.toDecimal64(text(json, field));
                    required |= 4;
                }
                case "high" -> {
                    highPrice = ScaledDecimal.toDecimal64(text(json, field));
                    required |= 8;
                }
                case "low" -> {
                    low = ScaledDecimal.toDecimal64(text(json, field));
                    required |= 16;
                }
                case "close" -> {
                    close = ScaledDecimal.toDecimal64(text(json, field));
                    required |= 32;
                }
                case "volume" -> {
                    volume = decimal128(json, field, 0);
                    required |= 64;
                }
                case "quoteVolume" -> {
                    quoteVolume = decimal128(json, field, 1);
                    present |= 2;
                }
                case "takerBuyBaseVolume" -> {
                    takerBase = decimal128(json, field, 2);
                    present |= 4;
                }
                case "takerBuyQuoteVolume" -> {
                    takerQuote = decimal128(json, field, 3);
                    present |= 8;
                }
                default -> json.skipChildren();
            }
        }
        if (required != ALL_REQUIRED) {
            throw new InvalidKlineException("missing field: symbol, openTime, open, high, low, close and volume are"
                    + " required");
        }
        if (!"1m".equals(interval)) {
            throw new InvalidKlineException("only 1m candles belong here, got interval " + interval);
        }
        if (closeTime != openTime + KlineRow.MINUTE - 1) {
            throw new InvalidKlineException("close time " + closeTime + " is not open time " + openTime
                    + " + 59999 ms");
        }
        if (!Boolean.TRUE.equals(closed)) {
            throw new InvalidKlineException("candle " + symbol + " at " + openTime + " is not closed");
        }
        if ((present & 2) == 0) {
            high[1] = 0;
        }
        if ((present & 4) == 0) {
            high[2] = 0;
        }
        if ((present & 8) == 0) {
            high[3] = 0;
        }
        return new KlineRow(symbol, openTime, open, highPrice, low, close, volume, high[0], quoteVolume, high[1],
                trades, takerBase, high[2], takerQuote, high[3], present == 15 ? KlineRow.COMPLETE
                : KlineRow.OHLCV_ONLY);
    }

    private CharSlice text(JsonParser json, String field) throws IOException {
        JsonToken token = json.currentToken();
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT
                && token != JsonToken.VALUE_STRING) {
            throw new InvalidKlineException(field + " must be a number, was " + token);
        }
        return slice.set(json.getTextCharacters(), json.getTextOffset(), json.getTextLength());
    }

    private long decimal128(JsonParser json, String field, int index) throws IOException {
        CharSlice text = text(json, field);
        return ScaledDecimal.toDecimal128(text, 0, text.length(), high, index);
    }

    private static long longValue(JsonParser json, String field) throws IOException {
        if (json.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            return json.getLongValue();
        }
        if (json.currentToken() == JsonToken.VALUE_STRING) {
            try {
                return Long.parseLong(json.getText());
            } catch (NumberFormatException e) {
                throw new InvalidKlineException(field + " must be an integer, was '" + json.getText() + "'");
            }
        }
        throw new InvalidKlineException(field + " must be an integer, was " + json.currentToken());
    }
}
