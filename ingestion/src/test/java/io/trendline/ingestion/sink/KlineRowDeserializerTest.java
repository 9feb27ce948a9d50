package io.trendline.ingestion.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendline.api.market.Kline;
import io.trendline.ingestion.Klines;
import io.trendline.ingestion.store.InvalidKlineException;
import io.trendline.ingestion.store.KlineRow;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KlineRowDeserializerTest {

    private final KlineRowDeserializer deserializer = new KlineRowDeserializer();
    private final ObjectMapper json = new ObjectMapper();

    private KlineRow read(String text) {
        return deserializer.deserialize("t", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aKlineAsJacksonWritesItBecomesTheSameRowAsFromTheRecord() throws Exception {
        Kline kline = Klines.minute("BTCUSDT", 42);

        KlineRow row = deserializer.deserialize("t", json.writeValueAsBytes(kline));

        assertThat(row).isEqualTo(KlineRow.of(kline));
        assertThat(row.completeness()).isEqualTo(KlineRow.COMPLETE);
    }

    @Test
    void decimalsMayComeAsStringsAndOptionalFieldsMayBeMissingOrNull() {
        KlineRow row = read("""
                {"symbol":"ETHUSDT","interval":"1m","openTime":1747699200000,"closeTime":1747699259999,
                 "open":"2528.14","high":"2530.8","low":"2527.97","close":"2528.28","volume":"562.6879",
                 "quoteVolume":null,"closed":true,"futureField":{"a":[1,2]}}""");

        assertThat(row.open()).isEqualTo(252_814_000_000L);
        assertThat(row.volume()).isEqualTo(56_268_790_000L);
        assertThat(row.quoteVolume()).isZero();
        assertThat(row.completeness()).isEqualTo(KlineRow.OHLCV_ONLY);
    }

    @Test
    void eachBrokenRuleIsRefusedWithItsReason() {
        String ok = "\"symbol\":\"BTCUSDT\",\"openTime\":1747699200000,\"open\":1,\"high\":2,\"low\":1,\"close\":2,"
                + "\"volume\":3,\"closed\":true";
        assertRefused("not json", "not JSON");
        assertRefused("[1]", "not a JSON object");
        assertRefused("{" + ok + ",\"interval\":\"1m\"}", "close time");
        assertRefused("{" + ok + ",\"interval\":\"5m\",\"closeTime\":1747699259999}", "only 1m candles");
        assertRefused("{" + ok.replace("\"closed\":true", "\"closed\":false")
                + ",\"interval\":\"1m\",\"closeTime\":1747699259999}", "is not closed");
        assertRefused("{" + ok.replace("\"high\":2", "\"high\":0.5")
                + ",\"interval\":\"1m\",\"closeTime\":1747699259999}", "prices out of order");
        assertRefused("{" + ok.replace("\"volume\":3,", "") + ",\"interval\":\"1m\",\"closeTime\":1747699259999}",
                "missing field");
        assertRefused("{" + ok.replace("1747699200000", "1747699200001")
                + ",\"interval\":\"1m\",\"closeTime\":1747699260000}", "not the start of a minute");
        assertRefused("{" + ok.replace("\"open\":1", "\"open\":\"x\"")
                + ",\"interval\":\"1m\",\"closeTime\":1747699259999}", "bad number");
        assertRefused("", "empty record");
    }

    private void assertRefused(String text, String reason) {
        assertThatThrownBy(() -> read(text)).isInstanceOf(InvalidKlineException.class).hasMessageContaining(reason);
    }
}
