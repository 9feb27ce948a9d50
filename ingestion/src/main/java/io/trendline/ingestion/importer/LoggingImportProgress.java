package io.trendline.ingestion.importer;

import io.trendline.api.market.KlineImportResult;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Progress as log lines, one per tenth of the file. */
final class LoggingImportProgress implements ImportProgress {

    private static final Logger LOG = LoggerFactory.getLogger(KlineFileImporter.class);

    private Path file;
    private long size;
    private long nextTenth;

    @Override
    public void started(Path file, long bytes) {
        this.file = file;
        this.size = Math.max(bytes, 1);
        this.nextTenth = 1;
        LOG.info("Importing candles from {} ({} bytes)", file, bytes);
    }

    @Override
    public void advanced(long bytesRead, long rows) {
        long tenth = bytesRead * 10 / size;
        if (tenth >= nextTenth && tenth < 10) {
            LOG.info("Importing {}: {}0 % read, {} candles stored", file.getFileName(), tenth, rows);
            nextTenth = tenth + 1;
        }
    }

    @Override
    public void finished(KlineImportResult result) {
        LOG.info("Imported {} candles of {} from {} in {} ms{}", result.rows(), result.symbol(), file,
                result.millis(), result.rejected() == 0 ? "" : "; skipped " + result.rejected() + " lines, e.g. "
                        + result.rejections());
    }
}
