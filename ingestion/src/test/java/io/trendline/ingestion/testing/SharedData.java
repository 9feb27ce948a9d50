package io.trendline.ingestion.testing;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The project's real data, {@code ../shared/data} from the repository root (looked for from the working directory
 * up, so a worktree finds it too; {@code TRENDLINE_SHARED_DATA} overrides). Missing files fail the test when
 * {@code CI=true}; elsewhere the caller falls back to data it makes itself.
 */
public final class SharedData {

    private SharedData() {
    }

    public static Optional<Path> file(String relative) {
        String override = System.getenv("TRENDLINE_SHARED_DATA");
        if (override != null && !override.isBlank()) {
            return existing(Path.of(override).resolve(relative));
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Optional<Path> found = existing(p.resolve("shared").resolve("data").resolve(relative));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The file, or in CI a failure; elsewhere empty with the reason printed. */
    public static Optional<Path> fileOrFailInCi(String relative) {
        Optional<Path> file = file(relative);
        if (file.isEmpty()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("real data file shared/data/" + relative + " is missing (CI=true): it must be present in CI");
            }
            System.err.println("shared/data/" + relative + " not found; using generated candles instead");
        }
        return file;
    }

    private static Optional<Path> existing(Path p) {
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }
}
