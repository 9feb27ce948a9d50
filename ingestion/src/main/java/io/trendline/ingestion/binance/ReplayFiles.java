package io.trendline.ingestion.binance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the recorded 1-minute candle files the replay mode serves: {@code <SYMBOL>-1m-*.csv} or {@code .csv.gz}. */
final class ReplayFiles {

    static final Path SHARED_KLINES = Path.of("shared", "data", "klines");

    private ReplayFiles() {
    }

    /** The configured folder, or the first {@code shared/data/klines} from the working directory upwards. */
    static Optional<Path> folder(Path configured) {
        if (configured != null) {
            return Files.isDirectory(configured) ? Optional.of(configured) : Optional.empty();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve(SHARED_KLINES);
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Per symbol, the last file by name (the most recent period) of those that match; symbols without one omitted. */
    static Map<String, Path> find(Path folder, List<String> symbols) {
        Map<String, Path> files = new LinkedHashMap<>();
        for (String symbol : symbols) {
            try (Stream<Path> list = Files.list(folder)) {
                list.filter(f -> {
                    String name = f.getFileName().toString();
                    return name.startsWith(symbol + "-1m-") && (name.endsWith(".csv") || name.endsWith(".csv.gz"));
                }).max(Path::compareTo).ifPresent(f -> files.put(symbol, f));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + folder, e);
            }
        }
        return files;
    }
}
