package io.trendline.ingestion.bench;

import io.trendline.ingestion.importer.ImportProgress;
import io.trendline.ingestion.importer.KlineFileImporter;
import io.trendline.ingestion.store.KlineStore;
import io.trendline.localstack.clickhouse.ChdbHttpServer;
import io.trendline.platform.clickhouse.ClickHouse;
import io.trendline.platform.clickhouse.ClickHouseMigrations;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * {@code import-klines}: the two 1-minute files of ../shared/data/klines imported into a fresh klines_1m (rows/s);
 * {@code import-vs-raw}: that rate over the rate of a plain clickhouse-jdbc batch insert (PreparedStatement,
 * addBatch, executeBatch per 65,536 rows) of the same rows, already parsed in memory, into a table of the same
 * schema, in the same run. One warm-up round, then the median of three. Figures on stdout, the rest on stderr.
 */
public final class ImportBench {

    private static final int ROUNDS = 3;
    private static final int BATCH = 65_536;

    private ImportBench() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data/klines");
        List<Path> files = List.of(data.resolve("BTCUSDT-1m-2025-05-20_2025-08-18.csv.gz"),
                data.resolve("ETHUSDT-1m-2025-05-20_2025-08-18.csv.gz"));
        Path dir = Files.createTempDirectory("trendline-bench-import");
        try (ChdbHttpServer server = ChdbHttpServer.start(dir.resolve("clickhouse"), 0);
             ClickHouse clickHouse = new ClickHouse(server.jdbcUrl(), 4)) {
            ClickHouseMigrations.onClasspath(clickHouse).migrate(Duration.ofSeconds(10));
            clickHouse.jdbc().execute("CREATE TABLE klines_raw AS klines_1m");
            KlineFileImporter importer = new KlineFileImporter(new KlineStore(clickHouse));
            List<Row> rows = new ArrayList<>();
            for (Path file : files) {
                rows.addAll(read(file, file.getFileName().toString().substring(0, 7)));
            }
            double[] imports = new double[ROUNDS];
            double[] raws = new double[ROUNDS];
            for (int round = -1; round < ROUNDS; round++) {
                clickHouse.jdbc().execute("TRUNCATE TABLE klines_1m");
                clickHouse.jdbc().execute("TRUNCATE TABLE klines_raw");
                long started = System.nanoTime();
                long imported = 0;
                for (Path file : files) {
                    imported += importer.importFile(file, null, ImportProgress.NONE).rows();
                }
                double importRate = imported / seconds(started);
                started = System.nanoTime();
                rawInsert(clickHouse, rows);
                double rawRate = rows.size() / seconds(started);
                System.err.printf("round %d: import %d rows at %.0f rows/s, raw jdbc %d rows at %.0f rows/s%n",
                        round, imported, importRate, rows.size(), rawRate);
                check(clickHouse, imported, rows.size());
                if (round >= 0) {
                    imports[round] = importRate;
                    raws[round] = rawRate;
                }
            }
            double importRate = median(imports);
            System.out.printf("import-klines %.0f rows/s%n", importRate);
            System.out.printf("import-vs-raw %.2f ratio%n", importRate / median(raws));
        }
    }

    private record Row(String symbol, long openTime, BigDecimal open, BigDecimal high, BigDecimal low,
                       BigDecimal close, BigDecimal volume) {
    }

    private static List<Row> read(Path file, String symbol) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",");
                rows.add(new Row(symbol, Long.parseLong(f[0]), new BigDecimal(f[1]), new BigDecimal(f[2]),
                        new BigDecimal(f[3]), new BigDecimal(f[4]), new BigDecimal(f[5])));
            }
        }
        return rows;
    }

    private static void rawInsert(ClickHouse clickHouse, List<Row> rows) throws SQLException {
        try (Connection connection = clickHouse.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO klines_raw (symbol, open_time, "
                     + "open, high, low, close, volume, completeness) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (Row row : rows) {
                insert.setString(1, row.symbol());
                insert.setTimestamp(2, new Timestamp(row.openTime()));
                insert.setBigDecimal(3, row.open());
                insert.setBigDecimal(4, row.high());
                insert.setBigDecimal(5, row.low());
                insert.setBigDecimal(6, row.close());
                insert.setBigDecimal(7, row.volume());
                insert.setInt(8, 1);
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    /** Both ways stored the same candles, or the comparison means nothing. */
    private static void check(ClickHouse clickHouse, long imported, long raw) {
        String sums = "SELECT count(), toString(sum(volume)), toString(sum(close)), "
                + "sum(toUnixTimestamp64Milli(open_time)) FROM %s FINAL";
        var a = clickHouse.jdbc().queryForList(String.format(sums, "klines_1m")).get(0).values();
        var b = clickHouse.jdbc().queryForList(String.format(sums, "klines_raw")).get(0).values();
        if (imported != raw || !List.copyOf(a).equals(List.copyOf(b))) {
            throw new IllegalStateException("import and raw insert differ: " + a + " vs " + b);
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
