package io.trendline.ingestion.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trendline.api.market.KlineImportResult;
import io.trendline.ingestion.IngestionApplication;
import io.trendline.ingestion.TestStack;
import io.trendline.platform.clickhouse.ClickHouse;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = IngestionApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class KlineFileImporterTest {

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        TestStack.register(registry);
    }

    @TempDir
    Path dir;

    @Autowired
    KlineFileImporter importer;

    @Autowired
    ClickHouse clickHouse;

    private Path write(String name, String content, boolean gzip) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file))
                : Files.newOutputStream(file)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private Map<String, Object> stored(String symbol) {
        return clickHouse.jdbc().queryForMap("SELECT count() AS n, toString(sum(volume)) AS volume, "
                + "toString(sum(quote_volume)) AS quote, sum(trades) AS trades, min(completeness) AS c, "
                + "toUnixTimestamp64Milli(min(open_time)) AS first, toUnixTimestamp64Milli(max(open_time)) AS last "
                + "FROM klines_1m FINAL WHERE symbol = ?", symbol);
    }

    @Test
    void aDataDumpWithMillisecondAndMicrosecondTimesIsStoredInMilliseconds() throws IOException {
        // given: Binance's 12-column layout without header, gzip; the dumps switched to microseconds in 2025
        Path file = write("DUMPUSDT-1m-2025-01.csv.gz", """
                1735689480000,0.00002853,0.00002854,0.00002851,0.00002854,36304.20000000,1735689539999,1.03547608,79,19523.00000000,0.55694227,0
                1735689540000000,0.00002854,0.00002860,0.00002854,0.00002859,89196.60000000,1735689599999999,2.54751330,98,59004.20000000,1.68545512,0
                """, true);

        // when
        KlineImportResult result = importer.importFile(file, null, ImportProgress.NONE);

        // then
        assertThat(result.symbol()).isEqualTo("DUMPUSDT");
        assertThat(result.rows()).isEqualTo(2);
        assertThat(result.rejected()).isZero();
        assertThat(result.firstOpenTime()).isEqualTo(1_735_689_480_000L);
        assertThat(result.lastOpenTime()).isEqualTo(1_735_689_540_000L);
        Map<String, Object> stored = stored("DUMPUSDT");
        assertThat(((Number) stored.get("n")).longValue()).isEqualTo(2);
        assertThat(((Number) stored.get("last")).longValue()).isEqualTo(1_735_689_540_000L);
        assertThat(new BigDecimal((String) stored.get("quote"))).isEqualByComparingTo("3.58298938");
        assertThat(((Number) stored.get("trades")).longValue()).isEqualTo(177);
        assertThat(((Number) stored.get("c")).intValue()).isEqualTo(2);
    }

    @Test
    void importingTheSameFileTwiceChangesNothing() throws IOException {
        // given
        StringBuilder csv = new StringBuilder("open_time,open,high,low,close,volume,close_time\n");
        for (int i = 0; i < 1_000; i++) {
            long t = 1_747_699_200_000L + i * 60_000L;
            csv.append(t).append(",105573.73,105597.1,105554.31,105554.32,").append(i).append(".5,")
                    .append(t + 59_999).append('\n');
        }
        Path file = write("TWICEUSDT-1m-2025-05-20.csv", csv.toString(), false);
        importer.importFile(file, null, ImportProgress.NONE);
        Map<String, Object> first = stored("TWICEUSDT");

        // when
        KlineImportResult again = importer.importFile(file, null, ImportProgress.NONE);

        // then
        assertThat(again.rows()).isEqualTo(1_000);
        assertThat(stored("TWICEUSDT")).isEqualTo(first);
        assertThat(((Number) first.get("n")).longValue()).isEqualTo(1_000);
        assertThat(new BigDecimal((String) first.get("volume"))).isEqualByComparingTo("500000");
        assertThat(((Number) first.get("c")).intValue()).isEqualTo(1);
    }

    @Test
    void linesThatAreNoOneMinuteCandleAreSkippedWithTheirReason() throws IOException {
        // given
        Path file = write("candles.csv", """
                open_time,open,high,low,close,volume,close_time
                1747699200000,10,11,9,10.5,1,1747699259999
                1747699260000,10,11,9,10.5,1,1747702859999
                1747699320000,10,9,11,10.5,1,1747699379999
                1747699380000,10,11,9,10.5
                1747699440000,10,11,9,ten,1,1747699499999
                1747699500000,10,11,9,10.5,2,1747699559999
                """, false);

        // when
        KlineImportResult result = importer.importFile(file, "skipusdt", ImportProgress.NONE);

        // then
        assertThat(result.symbol()).isEqualTo("SKIPUSDT");
        assertThat(result.rows()).isEqualTo(2);
        assertThat(result.rejected()).isEqualTo(4);
        assertThat(result.rejections()).satisfiesExactly(
                r -> assertThat(r).startsWith("line 3: not a 1-minute candle"),
                r -> assertThat(r).startsWith("line 4: prices out of order"),
                r -> assertThat(r).startsWith("line 5: expected 7 or 12 columns, found 5"),
                r -> assertThat(r).startsWith("line 6: column 5: not a number"));
    }

    @Test
    void theCommandLineImportsFilesAndSaysInItsExitStatusWhetherLinesWereSkipped() throws IOException {
        // given
        Path clean = write("CLIUSDT-1m-x.csv", "1747699200000,1,2,1,2,3,1747699259999\n", false);
        Path dirty = write("CLIUSDT-1m-y.csv", "1747699260000,1,2,1,2,3,1747699319999\nbroken\n", false);
        String url = TestStack.get().clickhouseJdbcUrl();

        // when / then
        assertThat(ImportKlinesCli.run("--clickhouse", url, clean.toString())).isZero();
        assertThat(ImportKlinesCli.run("--clickhouse", url, dirty.toString())).isEqualTo(1);
        assertThat(ImportKlinesCli.run("--clickhouse", url)).isEqualTo(2);
        assertThat(((Number) stored("CLIUSDT").get("n")).longValue()).isEqualTo(2);
    }

    @Test
    void withoutASymbolTheFileNameMustNameOne() {
        assertThat(KlineFileImporter.symbolFromName(Path.of("nautilus__ADABTC-1m-2021-11-27.csv")))
                .isEqualTo("ADABTC");
        assertThatThrownBy(() -> importer.importFile(dir.resolve("prices.csv"), null, ImportProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No symbol given");
    }
}
