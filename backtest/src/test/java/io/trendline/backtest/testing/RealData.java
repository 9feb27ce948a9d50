package io.trendline.backtest.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.trendline.backtest.engine.BarSeries;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * The real Binance klines in the shared data folder ({@code ../shared/data} beside the repository, found by
 * walking up from the working directory; {@code TRENDLINE_SHARED_DATA} overrides). A test whose file is missing
 * fails when {@code CI=true} and is skipped, with the reason, otherwise.
 */
public final class RealData {

    public static final String BTC_1M = "BTCUSDT-1m-2025-05-20_2025-08-18.csv.gz";
    public static final String BTC_1H = "BTCUSDT-1h-2020-09-20_2025-09-19.csv.gz";
    public static final String ETH_1H = "ETHUSDT-1h-2020-09-20_2025-09-19.csv.gz";

    private RealData() {
    }

    private static final Map<String, List<Row>> ROWS = new ConcurrentHashMap<>();

    /** The file's bars; the interval is read from the file name ({@code 1m}, {@code 1h}, ...). */
    public static BarSeries klines(String file) {
        return series(rows(file), intervalOf(file));
    }

    /** The raw text of each row, for tests that feed ta4j the exact decimal strings; read once per test JVM. */
    public static List<Row> rows(String file) {
        Path path = locate(file);
        return ROWS.computeIfAbsent(file, f -> rows(path));
    }

    private static List<Row> rows(Path path) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(path))) {
            CsvMapper mapper = new CsvMapper();
            CsvSchema schema = CsvSchema.emptySchema().withHeader();
            List<Row> rows = new ArrayList<>();
            try (MappingIterator<Row> it = mapper.readerFor(Row.class).with(schema).readValues(in)) {
                it.forEachRemaining(rows::add);
            }
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    /** One kline as written in the file. */
    public record Row(@JsonProperty("open_time") long openTime, @JsonProperty("open") String open,
                      @JsonProperty("high") String high, @JsonProperty("low") String low,
                      @JsonProperty("close") String close, @JsonProperty("volume") String volume,
                      @JsonProperty("close_time") long closeTime) {
    }

    private static BarSeries series(List<Row> rows, long interval) {
        int n = rows.size();
        long[] t = new long[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            t[i] = row.openTime();
            o[i] = Double.parseDouble(row.open());
            h[i] = Double.parseDouble(row.high());
            l[i] = Double.parseDouble(row.low());
            c[i] = Double.parseDouble(row.close());
            v[i] = Double.parseDouble(row.volume());
        }
        return new BarSeries(interval, t, o, h, l, c, v);
    }

    public static long intervalOf(String file) {
        String unit = file.split("-")[1];
        long count = Long.parseLong(unit.substring(0, unit.length() - 1));
        return switch (unit.charAt(unit.length() - 1)) {
            case 'm' -> count * 60_000;
            case 'h' -> count * 3_600_000;
            case 'd' -> count * 86_400_000;
            default -> throw new IllegalArgumentException("no interval in " + file);
        };
    }

    private static Path locate(String file) {
        String override = System.getenv("TRENDLINE_SHARED_DATA");
        if (override != null) {
            Path candidate = Path.of(override, "klines", file);
            if (Files.isReadable(candidate)) {
                return candidate;
            }
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/klines").resolve(file);
            if (Files.isReadable(candidate)) {
                return candidate;
            }
        }
        String reason = "real data file " + file + " not found in shared/data/klines above "
                + Path.of("").toAbsolutePath() + " (set TRENDLINE_SHARED_DATA to its folder)";
        if ("true".equals(System.getenv("CI"))) {
            fail(reason);
        }
        abort(reason);
        throw new AssertionError(reason);
    }
}
