package io.trendline.ingestion.importer;

import de.siegmar.fastcsv.reader.CsvReader;
import io.trendline.api.market.KlineImportResult;
import io.trendline.ingestion.store.KlineColumns;
import io.trendline.ingestion.store.KlineRow;
import io.trendline.ingestion.store.KlineStore;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.springframework.stereotype.Component;

/**
 * Reads a candle file and stores its 1-minute candles in batches. The format is recognised from the content: gzip by
 * its magic bytes, the layout by each line's column count, a header by a non-numeric first field. Parsing is FastCSV
 * (a maintained library; its callback API lets {@link KlineCsvHandler} read numbers without a String per field).
 * Importing a file twice stores the same minutes again, which the table keeps once.
 */
@Component
public class KlineFileImporter {

    static final int BATCH_ROWS = 65_536;
    private static final Pattern SYMBOL_IN_NAME = Pattern.compile("(?:^|[_-])([A-Z0-9]{2,20})-1m-");

    private final KlineStore store;

    public KlineFileImporter(KlineStore store) {
        this.store = store;
    }

    /**
     * @param symbol the file's symbol, or null to take it from a Binance-style name ({@code BTCUSDT-1m-...})
     * @throws IllegalArgumentException if the symbol is neither given nor in the name
     */
    public KlineImportResult importFile(Path file, String symbol, ImportProgress progress) {
        String resolved = symbol != null && !symbol.isBlank() ? symbol.trim().toUpperCase(Locale.ROOT)
                : symbolFromName(file);
        long started = System.nanoTime();
        try (CountingInputStream raw = new CountingInputStream(Files.newInputStream(file));
             Inserter inserter = new Inserter(store)) {
            progress.started(file, Files.size(file));
            KlineCsvHandler handler = new KlineCsvHandler(resolved);
            KlineColumns batch = new KlineColumns(BATCH_ROWS);
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            try (CsvReader<KlineRow> csv = CsvReader.builder().build(handler,
                    new InputStreamReader(decompressed(raw), StandardCharsets.UTF_8))) {
                for (KlineRow row : csv) {
                    batch.add(row);
                    first = Math.min(first, row.openTime());
                    last = Math.max(last, row.openTime());
                    if (batch.size() == BATCH_ROWS) {
                        batch = inserter.submit(batch);
                        progress.advanced(raw.count(), inserter.stored());
                    }
                }
            }
            inserter.submit(batch);
            long rows = inserter.finish();
            progress.advanced(raw.count(), rows);
            KlineImportResult result = new KlineImportResult(file.toString(), resolved, rows, handler.rejected(),
                    handler.rejections(), rows == 0 ? null : first, rows == 0 ? null : last,
                    (System.nanoTime() - started) / 1_000_000);
            progress.finished(result);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static String symbolFromName(Path file) {
        Matcher name = SYMBOL_IN_NAME.matcher(String.valueOf(file.getFileName()));
        if (!name.find()) {
            throw new IllegalArgumentException("No symbol given and none in the file name " + file.getFileName()
                    + " (expected e.g. BTCUSDT-1m-2025-05.csv)");
        }
        return name.group(1);
    }

    /**
     * Inserts one batch in the background while the next is parsed (two cores: one parses, the engine takes the
     * other), with two batches of columns taking turns.
     */
    private static final class Inserter implements AutoCloseable {

        private final KlineStore store;
        private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, "kline-import-insert");
            t.setDaemon(true);
            return t;
        });
        private KlineColumns spare = new KlineColumns(BATCH_ROWS);
        private Future<KlineColumns> running;
        private long stored;

        Inserter(KlineStore store) {
            this.store = store;
        }

        /** Starts inserting batch once the previous insert is done; returns an empty batch to fill next. */
        KlineColumns submit(KlineColumns batch) {
            KlineColumns next = await();
            running = thread.submit(() -> {
                store.insert(batch);
                return batch;
            });
            return next;
        }

        long stored() {
            return stored;
        }

        long finish() {
            await();
            return stored;
        }

        private KlineColumns await() {
            if (running != null) {
                try {
                    KlineColumns done = running.get();
                    stored += done.size();
                    done.clear();
                    spare = done;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while importing", e);
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                } finally {
                    running = null;
                }
            }
            KlineColumns next = spare;
            spare = null;
            return next;
        }

        @Override
        public void close() {
            thread.shutdownNow();
        }
    }

    private static InputStream decompressed(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /** Counts the bytes read from the file, for progress. */
    private static final class CountingInputStream extends FilterInputStream {

        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
