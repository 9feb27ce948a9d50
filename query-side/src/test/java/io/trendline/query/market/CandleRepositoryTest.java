package io.trendline.query.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clickhouse.data.ClickHouseFormat;
import io.trendline.api.market.Candle;
import io.trendline.api.market.CandleInterval;
import io.trendline.localstack.clickhouse.ChdbHttpServer;
import io.trendline.platform.clickhouse.ClickHouse;
import io.trendline.platform.clickhouse.ClickHouseMigrations;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The candle reads on the real ClickHouse engine (chDB behind the local HTTP front end) with the real migrations: the
 * RowBinary reader must give exactly what the JDBC driver reads for the same statement, down to the edges of the
 * column types, and refuse an answer whose columns are not the candles'.
 */
class CandleRepositoryTest {

    private static final long T0 = Instant.parse("2025-03-01T00:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;
    private static final int MINUTES = 3 * 24 * 60;

    @TempDir
    static Path dir;

    private static ChdbHttpServer server;
    private static ClickHouse clickHouse;
    private static CandleRepository repository;

    @BeforeAll
    static void start() {
        server = ChdbHttpServer.start(dir, 0);
        clickHouse = new ClickHouse(server.jdbcUrl(), 2);
        ClickHouseMigrations.onClasspath(clickHouse).migrate(Duration.ofSeconds(30));
        String rows = IntStream.range(0, MINUTES).mapToObj(CandleRepositoryTest::row)
                .collect(Collectors.joining(", "));
        clickHouse.jdbc().execute("INSERT INTO klines_1m (symbol, open_time, open, high, low, close, volume, "
                + "quote_volume, trades, taker_buy_base_volume, taker_buy_quote_volume, completeness) VALUES " + rows);
        repository = new CandleRepository(clickHouse);
    }

    @AfterAll
    static void stop() {
        clickHouse.close();
        server.close();
    }

    /** Minute i: ordinary prices, with the types' edges at chosen minutes. */
    private static String row(int i) {
        String open = switch (i) {
            case 0 -> "0.00000001"; // the smallest step of Decimal(18, 8)
            case 1 -> "9999999999.99999999"; // the largest Decimal(18, 8)
            case 2 -> "1200"; // a whole number: 1200, not 1.2E+3
            default -> new BigDecimal(84_000 + (i * 37L) % 1_000).add(new BigDecimal(i % 100).movePointLeft(2))
                    .toPlainString();
        };
        String volume = switch (i) {
            case 3 -> "123456789012345678901.12345678"; // beyond a scaled Int64: the high half of the Int128
            case 4 -> "0";
            default -> new BigDecimal(i).movePointLeft(3).add(BigDecimal.ONE).toPlainString();
        };
        String time = Instant.ofEpochMilli(T0 + i * MINUTE).toString().replace('T', ' ').replace("Z", "");
        return "('TESTUSDT', '" + time + "', " + open + ", 9999999999.99999999, 0.00000001, "
                + open + ", " + volume + ", 0, 1, 0, 0, 1)";
    }

    /** What the driver's result set reads for the same statement, trailing zeros stripped. */
    private static List<Candle> throughJdbc(CandleInterval interval, long from, long to, int limit) {
        return clickHouse.jdbc().query(CandleSql.bars("TESTUSDT", interval, from, to, limit), (r, i) -> new Candle(
                r.getLong(1), clean(r.getBigDecimal(2)), clean(r.getBigDecimal(3)), clean(r.getBigDecimal(4)),
                clean(r.getBigDecimal(5)), clean(r.getBigDecimal(6))));
    }

    private static BigDecimal clean(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.signum() == 0 ? BigDecimal.ZERO : stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    @Test
    void everyIntervalReadsExactlyWhatTheDriverReads() {
        long to = T0 + MINUTES * MINUTE;
        for (CandleInterval interval : CandleInterval.values()) {
            // when
            List<Candle> bars = repository.bars("TESTUSDT", interval, T0, to, 10_000);

            // then
            assertThat(bars).as(interval.code()).isNotEmpty().isEqualTo(throughJdbc(interval, T0, to, 10_000));
        }
        assertThat(repository.bars("TESTUSDT", CandleInterval.M1, T0, to, 10_000)).hasSize(MINUTES);
        assertThat(repository.bars("TESTUSDT", CandleInterval.H1, T0, to, 10_000)).hasSize(72);
    }

    @Test
    void theEdgesOfTheColumnTypesComeBackAsTheirPlainDecimals() {
        // when
        List<Candle> first = repository.bars("TESTUSDT", CandleInterval.M1, T0, T0 + 5 * MINUTE, 10);

        // then
        List<String> opens = new ArrayList<>();
        first.forEach(c -> opens.add(c.open().toPlainString() + " " + c.open().toString()));
        assertThat(opens).containsExactly("0.00000001 1E-8", "9999999999.99999999 9999999999.99999999",
                "1200 1200", "84111.03 84111.03", "84148.04 84148.04");
        assertThat(first.get(3).volume()).isEqualTo(new BigDecimal("123456789012345678901.12345678"));
        assertThat(first.get(4).volume()).isEqualTo(BigDecimal.ZERO);
        assertThat(first.get(0).high()).isEqualTo(new BigDecimal("9999999999.99999999"));
        assertThat(first.get(0).low()).isEqualTo(new BigDecimal("0.00000001"));
        assertThat(first).extracting(Candle::openTime).containsExactly(T0, T0 + MINUTE, T0 + 2 * MINUTE,
                T0 + 3 * MINUTE, T0 + 4 * MINUTE);
    }

    @Test
    void aLimitAndAnEmptyRangeAreHonoured() {
        assertThat(repository.bars("TESTUSDT", CandleInterval.M1, T0, T0 + MINUTES * MINUTE, 7)).hasSize(7);
        assertThat(repository.bars("TESTUSDT", CandleInterval.H1, T0 - 10 * MINUTE, T0, 10)).isEmpty();
        assertThat(repository.bars("OTHERUSDT", CandleInterval.M1, T0, T0 + MINUTE, 10)).isEmpty();
    }

    @Test
    void anAnswerWhoseColumnsAreNotTheCandlesIsRefusedRatherThanMisread() {
        assertThatThrownBy(() -> clickHouse.query("SELECT toInt64(1) AS t, toFloat64(2) AS open, 3, 4, 5, 6",
                ClickHouseFormat.RowBinaryWithNamesAndTypes, in -> CandleRowBinary.read(in, 1)))
                .isInstanceOf(ClickHouse.ClickHouseQueryException.class)
                .hasMessageContaining("expected [Int64, Decimal(18, 8)");
    }
}
