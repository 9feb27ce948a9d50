package io.trendline.web.market;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trendline.api.market.ImportKlineFileCommand;
import io.trendline.api.market.KlineImportResult;
import io.trendline.web.command.AuditedCommands;
import io.trendline.web.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * History from files on the server (ADMIN, as every {@code /api/admin} path): only files in the ingestion service's
 * import directory ({@code trendline.market.import-dir}) can be named. Answers when the file is stored.
 */
@RestController
@RequestMapping("/api/admin/market/imports")
@Tag(name = "market", description = "Price history: candles, latest price and 24h statistics, gaps")
class MarketImportController {

    /** @param symbol null to take it from a Binance-style file name ({@code BTCUSDT-1m-2025-05.csv}) */
    record ImportRequest(@NotBlank String path, String symbol) {
    }

    private final AuditedCommands commands;
    private final CurrentUser currentUser;

    MarketImportController(AuditedCommands commands, CurrentUser currentUser) {
        this.commands = commands;
        this.currentUser = currentUser;
    }

    @PostMapping
    @Operation(summary = "Import 1-minute candles from a file in the import directory (Binance dump or 7-column CSV, "
            + "plain or gzip); importing the same file again changes nothing")
    KlineImportResult importFile(@Valid @RequestBody ImportRequest request) {
        return commands.send(currentUser.id(), new ImportKlineFileCommand(request.path(), request.symbol()));
    }
}
