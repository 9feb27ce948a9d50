package io.trendline.ingestion.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.trendline.api.market.Kline;
import io.trendline.ingestion.Klines;
import io.trendline.ingestion.store.InvalidKlineException;
import io.trendline.ingestion.store.KlineRow;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fast path must read exactly what the Jackson path reads, or leave the record to it: it may decline, never
 * differ.
 */
class KlineJsonFastPathTest {

    /** As the platform's publisher writes candles. */
    private static final JsonMapper PUBLISHER = JsonMapper.builder()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).build();
    private static final String BASE = "\"symbol\":\"ETHUSDT\",\"interval\":\"1m\",\"openTime\":1747699200000,"
            + "\"closeTime\":1747699259999,\"open\":2528.14,\"high\":2530.8,\"low\":2527.97,\"close\":2528.28,"
            + "\"volume\":562.6879,\"closed\":true";

    private final KlineJsonFastPath fast = new KlineJsonFastPath();
    private final KlineRowDeserializer jackson = new KlineRowDeserializer();

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void thePublishersRecordsTakeTheFastPathAndGiveTheSameRows() throws Exception {
        for (int minute = 0; minute < 500; minute++) {
            for (String symbol : List.of("BTCUSDT", "ETHUSDT")) {
                Kline kline = Klines.minute(symbol, minute);
                byte[] record = PUBLISHER.writeValueAsBytes(kline);

                KlineRow row = fast.read(record);

                assertThat(row).as(new String(record, StandardCharsets.UTF_8)).isNotNull()
                        .isEqualTo(jackson.readWithJackson(record)).isEqualTo(KlineRow.of(kline));
            }
        }
    }

    @Test
    void otherLayoutsEitherReadTheSameOrAreLeftToJackson() {
        List<String> records = List.of(
                "{" + BASE + "}",
                " {\n  " + BASE.replace(",", " ,\n ").replace(":", " : ") + " } ",
                "{" + BASE.replace("2528.14", "\"2528.14\"").replace("562.6879", "\"562.6879\"") + "}",
                "{\"closed\":true,\"volume\":562.6879," + BASE.replace(",\"closed\":true", "") + "}",
                "{" + BASE + ",\"quoteVolume\":null,\"trades\":12,\"takerBuyBaseVolume\":1.5,"
                        + "\"takerBuyQuoteVolume\":2.5,\"futureField\":\"x\",\"other\":false,\"n\":-3.25}",
                "{" + BASE + ",\"quoteVolume\":123456789012345678901.12345678,\"trades\":1,"
                        + "\"takerBuyBaseVolume\":0,\"takerBuyQuoteVolume\":0}",
                "{" + BASE + ",\"nested\":{\"a\":[1,2]}}",
                "{" + BASE + ",\"note\":\"with \\\"escapes\\\"\"}",
                "{" + BASE.replace("2530.8", "2.5308e3") + "}",
                "{" + BASE.replace("\"closed\":true", "\"closed\":\"true\"") + "}",
                "{" + BASE.replace("1747699200000", "\"1747699200000\"") + "}",
                "{" + BASE.replace("\"ETHUSDT\"", "\"ÉTHUSDT\"") + "}");
        for (String record : records) {
            KlineRow row = fast.read(bytes(record));
            if (row != null) {
                assertThat(row).as(record).isEqualTo(jackson.readWithJackson(bytes(record)));
            }
        }
        assertThat(fast.read(bytes(records.get(1)))).as("whitespace").isNotNull();
        assertThat(fast.read(bytes(records.get(2)))).as("decimals as strings").isNotNull();
        assertThat(fast.read(bytes(records.get(4)))).as("unknown flat fields").isNotNull();
        assertThat(fast.read(bytes(records.get(5))).quoteVolumeHigh()).as("a volume past 64 bits").isPositive();
        assertThat(fast.read(bytes(records.get(6)))).as("nested values go to Jackson").isNull();
        assertThat(fast.read(bytes(records.get(7)))).as("escapes go to Jackson").isNull();
        assertThat(fast.read(bytes(records.get(8)))).as("exponents go to Jackson").isNull();
    }

    @Test
    void aRecordThatBreaksARuleIsLeftToJacksonWhichSaysWhy() {
        List<String> broken = List.of(
                "",
                "[1]",
                "{}",
                "{" + BASE + "",
                "{" + BASE + ",}",
                "{" + BASE + "} trailing",
                "{" + BASE.replace("\"1m\"", "\"5m\"") + "}",
                "{" + BASE.replace("\"closed\":true", "\"closed\":false") + "}",
                "{" + BASE.replace("1747699259999", "1747699259998") + "}",
                "{" + BASE.replace("2530.8", "0.5") + "}",
                "{" + BASE.replace(",\"volume\":562.6879", "") + "}",
                "{" + BASE.replace("2528.14", "2528.123456789") + "}",
                "{" + BASE.replace("2528.14", "02528.14") + "}",
                "{" + BASE.replace("2528.14", "-") + "}",
                "{" + BASE.replace("2528.14", "2528.") + "}");
        for (String record : broken) {
            assertThat(fast.read(bytes(record))).as(record).isNull();
        }
        for (String record : broken.subList(6, 12)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> jackson.deserialize("t", bytes(record)))
                    .as(record).isInstanceOf(InvalidKlineException.class);
        }
    }
}
