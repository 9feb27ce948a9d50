package io.trendline.ingestion.importer;

import io.trendline.api.market.KlineImportResult;
import io.trendline.ingestion.store.KlineStore;
import io.trendline.platform.clickhouse.ClickHouse;
import io.trendline.platform.clickhouse.ClickHouseMigrations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports candle files into ClickHouse from the command line, with a progress bar; no Spring, no Kafka:
 * <pre>
 * java -cp standalone/target/trendline-standalone.jar -Dloader.main=io.trendline.ingestion.importer.ImportKlinesCli \
 *      org.springframework.boot.loader.launch.PropertiesLauncher [--symbol BTCUSDT] [--clickhouse JDBC-URL] FILE...
 * </pre>
 * The ClickHouse URL defaults to {@code TRENDLINE_CLICKHOUSE_URL}, else the local front end of a running standalone
 * platform. Exit status: 0 when everything was stored, 1 when lines were skipped, 2 on bad usage or failure.
 */
public final class ImportKlinesCli {

    private static final String DEFAULT_URL = "jdbc:clickhouse:http://127.0.0.1:18123/default?compress=false";

    private ImportKlinesCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        String symbol = null;
        String url = System.getenv().getOrDefault("TRENDLINE_CLICKHOUSE_URL", DEFAULT_URL);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--symbol" -> symbol = i + 1 < args.length ? args[++i] : null;
                case "--clickhouse" -> url = i + 1 < args.length ? args[++i] : url;
                default -> files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            System.err.println("usage: ImportKlinesCli [--symbol SYMBOL] [--clickhouse JDBC-URL] FILE...");
            return 2;
        }
        try (ClickHouse clickHouse = new ClickHouse(url, 2)) {
            ClickHouseMigrations.onClasspath(clickHouse).migrate(Duration.ofSeconds(10));
            KlineFileImporter importer = new KlineFileImporter(new KlineStore(clickHouse));
            long skipped = 0;
            for (Path file : files) {
                KlineImportResult result = importer.importFile(file, symbol, new ConsoleImportProgress(System.out));
                skipped += result.rejected();
            }
            return skipped == 0 ? 0 : 1;
        } catch (RuntimeException e) {
            System.err.println("Import failed: " + e.getMessage());
            return 2;
        }
    }
}
