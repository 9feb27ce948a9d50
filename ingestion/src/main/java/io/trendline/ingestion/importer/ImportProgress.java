package io.trendline.ingestion.importer;

import io.trendline.api.market.KlineImportResult;
import java.nio.file.Path;

/** Where an import reports how far it has got: a console bar for the CLI, log lines in the service. */
public interface ImportProgress {

    /** Nothing reported. */
    ImportProgress NONE = new ImportProgress() {
    };

    /** The import of file starts; its size in bytes (compressed, if it is). */
    default void started(Path file, long bytes) {
    }

    /** Bytes of the file read so far, and candles stored. */
    default void advanced(long bytesRead, long rows) {
    }

    default void finished(KlineImportResult result) {
    }
}
