package io.trendline.ingestion.importer;

import io.trendline.api.common.CommandRejectedException;
import io.trendline.api.market.ImportKlineFileCommand;
import io.trendline.api.market.KlineImportResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.axonframework.commandhandling.CommandHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Imports on request (the REST API sends the command). Only files inside the import directory
 * ({@code trendline.market.import-dir}, by default {@code <data-dir>/imports}) can be named, so a caller cannot make
 * the service read any file it can.
 */
@Component
class KlineImportCommandHandler {

    private final KlineFileImporter importer;
    private final Path importDir;

    KlineImportCommandHandler(KlineFileImporter importer,
                              @Value("${trendline.market.import-dir:${trendline.data-dir}/imports}") Path importDir) {
        this.importer = importer;
        this.importDir = importDir.toAbsolutePath().normalize();
    }

    @CommandHandler
    KlineImportResult handle(ImportKlineFileCommand command) {
        if (command.path() == null || command.path().isBlank()) {
            throw CommandRejectedException.invalid("import.path-missing", "name the file to import");
        }
        Path file = importDir.resolve(command.path()).normalize();
        if (!file.startsWith(importDir)) {
            throw CommandRejectedException.invalid("import.outside-import-dir", command.path()
                    + " is outside the import directory " + importDir);
        }
        if (!Files.isRegularFile(file)) {
            throw CommandRejectedException.notFound("import.file-not-found", "no file " + command.path()
                    + " in the import directory " + importDir);
        }
        try {
            return importer.importFile(file, command.symbol(), new LoggingImportProgress());
        } catch (IllegalArgumentException e) {
            throw CommandRejectedException.invalid("import.symbol-unknown", e.getMessage());
        }
    }
}
