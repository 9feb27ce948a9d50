package io.trendline.ingestion.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.trendline.ingestion.IngestionApplication;
import io.trendline.ingestion.TestStack;
import io.trendline.platform.clickhouse.ClickHouse;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = IngestionApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class KlineStoreTest {

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        TestStack.register(registry);
    }

    @Autowired
    KlineStore store;

    @Autowired
    ClickHouse clickHouse;

    @Test
    void everyColumnArrivesExactlyIncludingVolumesBeyondSixtyFourBits() {
        // given
        long[] high = new long[2];
        String huge = "98765432109876543210.12345678";
        long volume = ScaledDecimal.toDecimal128(huge, 0, huge.length(), high, 0);
        KlineRow row = new KlineRow("PEPEUSDT", 1_700_000_040_000L, ScaledDecimal.toDecimal64("0.00001234"),
                ScaledDecimal.toDecimal64("0.00001240"), ScaledDecimal.toDecimal64("0.00001230"),
                ScaledDecimal.toDecimal64("0.00001239"), volume, high[0], 123_456_789L, 0, 4242, 5, 0, 7, 0,
                KlineRow.COMPLETE);
        KlineColumns rows = new KlineColumns(1);
        rows.add(row);

        // when
        store.insert(rows);

        // then
        Map<String, Object> stored = clickHouse.jdbc().queryForMap("SELECT toUnixTimestamp64Milli(open_time) AS t, "
                + "toString(open) AS open, toString(high) AS high, toString(low) AS low, toString(close) AS close, "
                + "toString(volume) AS volume, toString(quote_volume) AS qv, trades, toString(taker_buy_base_volume) "
                + "AS tb, toString(taker_buy_quote_volume) AS tq, completeness FROM klines_1m FINAL "
                + "WHERE symbol = 'PEPEUSDT'");
        assertThat(((Number) stored.get("t")).longValue()).isEqualTo(1_700_000_040_000L);
        assertThat(stored.get("open")).isEqualTo("0.00001234");
        assertThat(stored.get("high")).isEqualTo("0.0000124");
        assertThat(stored.get("low")).isEqualTo("0.0000123");
        assertThat(stored.get("close")).isEqualTo("0.00001239");
        assertThat(new BigDecimal((String) stored.get("volume"))).isEqualByComparingTo(huge);
        assertThat(stored.get("qv")).isEqualTo("1.23456789");
        assertThat(((Number) stored.get("trades")).longValue()).isEqualTo(4242);
        assertThat(stored.get("tb")).isEqualTo("0.00000005");
        assertThat(stored.get("tq")).isEqualTo("0.00000007");
        assertThat(((Number) stored.get("completeness")).intValue()).isEqualTo(2);
    }
}
