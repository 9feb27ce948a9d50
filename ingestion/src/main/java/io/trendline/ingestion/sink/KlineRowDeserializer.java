package io.trendline.ingestion.sink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.trendline.ingestion.store.CharSlice;
import io.trendline.ingestion.store.InvalidKlineException;
import io.trendline.ingestion.store.KlineRow;
import java.io.IOException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a {@link io.trendline.api.market.Kline} as JSON straight into a validated {@link KlineRow}, with Jackson's
 * streaming parser: no intermediate Kline and no BigDecimal per field, which databind would cost on every record of
 * a sink meant to take 300,000 a second. Decimals may come as JSON numbers or strings; unknown fields are skipped.
 * Anything wrong throws, so that the {@code ErrorHandlingDeserializer} around this one hands the reason on.
 *
 * <p>Records as the platform's publisher writes them take the {@link KlineJsonFastPath} instead; whatever it does not
 * take (another layout, escapes, a broken rule) comes here, which also gives the reason a record is refused.
 */
public class KlineRowDeserializer implements Deserializer<KlineRow> {

    private static final JsonFactory JSON = new JsonFactory();

    private final CharSlice slice = new CharSlice();
    private final KlineFields fields = new KlineFields();
    private final KlineJsonFastPath fastPath = new KlineJsonFastPath();

    @Override
    public KlineRow deserialize(String topic, byte[] data) {
        if (data == null || data.length == 0) {
            throw new InvalidKlineException("empty record");
        }
        KlineRow row = fastPath.read(data);
        return row != null ? row : readWithJackson(data);
    }

    /** The general path, for any JSON; the one that says why a record is refused. */
    KlineRow readWithJackson(byte[] data) {
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
        KlineFields k = fields.clear();
        String field;
        while ((field = json.nextFieldName()) != null) {
            JsonToken token = json.nextToken();
            if (token == JsonToken.VALUE_NULL) {
                continue;
            }
            switch (field) {
                case "symbol" -> k.symbol(json.getText());
                case "interval" -> k.interval = json.getText();
                case "closed" -> k.closed = json.getValueAsBoolean();
                case "openTime" -> k.openTime(longValue(json, field));
                case "closeTime" -> k.closeTime = longValue(json, field);
                case "trades" -> k.trades(longValue(json, field));
                default -> {
                    int decimal = KlineFields.decimalIndex(field);
                    if (decimal < 0) {
                        json.skipChildren();
                    } else {
                        CharSlice text = text(json, field);
                        k.decimal(decimal, text, 0, text.length());
                    }
                }
            }
        }
        return k.toRow();
    }

    private CharSlice text(JsonParser json, String field) throws IOException {
        JsonToken token = json.currentToken();
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT
                && token != JsonToken.VALUE_STRING) {
            throw new InvalidKlineException(field + " must be a number, was " + token);
        }
        return slice.set(json.getTextCharacters(), json.getTextOffset(), json.getTextLength());
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
