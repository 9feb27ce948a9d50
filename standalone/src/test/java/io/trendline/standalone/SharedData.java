package io.trendline.standalone;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's real data, {@code ../shared/data} from the repository root (looked for from the working directory
 * up, so a worktree finds it too; {@code TRENDLINE_SHARED_DATA} overrides). A missing file fails the test when
 * {@code CI=true} and skips it with the reason elsewhere.
 */
final class SharedData {

    private SharedData() {
    }

    static Path require(String relative) {
        String override = System.getenv("TRENDLINE_SHARED_DATA");
        if (override != null && !override.isBlank() && Files.isRegularFile(Path.of(override).resolve(relative))) {
            return Path.of(override).resolve(relative);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("data").resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        String reason = "real data file shared/data/" + relative + " not found from " + Path.of("").toAbsolutePath();
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(reason + " (CI=true: it must be present)");
        }
        assumeTrue(false, reason);
        throw new AssertionError(reason);
    }
}
