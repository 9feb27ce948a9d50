package io.trendline.ingestion.importer;

import io.trendline.api.market.KlineImportResult;
import java.io.PrintStream;
import java.nio.file.Path;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on the terminal (me.tongfei:progressbar) over the bytes of the file read. */
final class ConsoleImportProgress implements ImportProgress {

    private final PrintStream out;
    private ProgressBar bar;

    ConsoleImportProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void started(Path file, long bytes) {
        bar = new ProgressBarBuilder().setTaskName(String.valueOf(file.getFileName())).setInitialMax(bytes)
                .setUnit(" KiB", 1024).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).showSpeed()
                .build();
    }

    @Override
    public void advanced(long bytesRead, long rows) {
        bar.stepTo(bytesRead);
        bar.setExtraMessage(rows + " candles");
    }

    @Override
    public void finished(KlineImportResult result) {
        bar.close();
        out.printf("%s: %d candles of %s stored in %d ms%s%n", result.file(), result.rows(), result.symbol(),
                result.millis(), result.rejected() == 0 ? "" : ", " + result.rejected() + " lines skipped");
        result.rejections().forEach(reason -> out.println("  " + reason));
    }
}
