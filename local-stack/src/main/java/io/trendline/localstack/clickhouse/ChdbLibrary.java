package io.trendline.localstack.clickhouse;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds libchdb.so, the ClickHouse engine as a shared library, installing it from the npm registry
 * ({@value #NPM_PACKAGE}@{@value #VERSION}) into a per-user cache on first use.
 *
 * <p>{@code TRENDLINE_CHDB_LIB} names the library directly. Otherwise it lives under
 * {@code ${TRENDLINE_CHDB_HOME:-$HOME/.cache/trendline/chdb}/<version>/node_modules/...}; a file lock keeps two JVMs
 * from installing at once and a marker file, written last, tells a finished install from an interrupted one.
 */
public final class ChdbLibrary {

    public static final String VERSION = "26.5.3";
    static final String NPM_PACKAGE = "@chdb/lib-linux-x64-gnu";
    private static final String LIBRARY_IN_PREFIX = "node_modules/" + NPM_PACKAGE + "/libchdb.so";
    private static final String MARKER = ".installed";
    private static final long INSTALL_TIMEOUT_MINUTES = 15;
    private static final Logger LOG = LoggerFactory.getLogger(ChdbLibrary.class);
    private static final Object IN_PROCESS_LOCK = new Object();

    private ChdbLibrary() {
    }

    /** The path of libchdb.so, installed first if it is not in the cache yet. */
    public static Path locate() {
        String explicit = System.getenv("TRENDLINE_CHDB_LIB");
        if (explicit != null && !explicit.isBlank()) {
            Path library = Path.of(explicit);
            if (!Files.isRegularFile(library)) {
                throw new IllegalStateException("TRENDLINE_CHDB_LIB is " + explicit + ", which is not a file");
            }
            return library;
        }
        Path prefix = cacheHome().resolve(VERSION);
        Path library = prefix.resolve(LIBRARY_IN_PREFIX);
        if (isInstalled(prefix, library)) {
            return library;
        }
        checkPlatform();
        synchronized (IN_PROCESS_LOCK) {
            installLocked(prefix, library);
        }
        return library;
    }

    static Path cacheHome() {
        String home = System.getenv("TRENDLINE_CHDB_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "trendline", "chdb");
    }

    private static boolean isInstalled(Path prefix, Path library) {
        return Files.isRegularFile(prefix.resolve(MARKER)) && Files.isRegularFile(library);
    }

    private static void checkPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new IllegalStateException("The chDB engine is installed from " + NPM_PACKAGE + ", which is built for"
                    + " Linux x86-64 only (this is " + os + "/" + arch + "); set TRENDLINE_CHDB_LIB to a libchdb.so"
                    + " for this platform, or point the application at a real ClickHouse server");
        }
    }

    private static void installLocked(Path prefix, Path library) {
        try {
            Files.createDirectories(prefix);
            try (FileChannel channel = FileChannel.open(prefix.resolve(".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (isInstalled(prefix, library)) {
                    return;
                }
                Files.deleteIfExists(prefix.resolve(MARKER));
                runNpm(prefix);
                if (!Files.isRegularFile(library)) {
                    throw new IllegalStateException("npm installed " + NPM_PACKAGE + "@" + VERSION + " into " + prefix
                            + " but " + library + " is not there");
                }
                Files.writeString(prefix.resolve(MARKER), NPM_PACKAGE + "@" + VERSION + "\n");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not install chDB into " + prefix + ": " + e.getMessage(), e);
        }
    }

    private static void runNpm(Path prefix) throws IOException {
        List<String> command = List.of("npm", "install", "--prefix", prefix.toString(), "--no-save", "--no-audit",
                "--no-fund", NPM_PACKAGE + "@" + VERSION);
        LOG.info("Installing the chDB engine (about 560 MB, once per user): {}", String.join(" ", command));
        long started = System.nanoTime();
        Path log = prefix.resolve("npm-install.log");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(prefix.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new IllegalStateException("npm is needed to install the chDB engine (" + NPM_PACKAGE + "@" + VERSION
                    + ") but could not be run: " + e.getMessage() + ". Install Node.js with npm, or set"
                    + " TRENDLINE_CHDB_LIB to an existing libchdb.so", e);
        }
        try {
            if (!process.waitFor(INSTALL_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("npm install of " + NPM_PACKAGE + " took over "
                        + INSTALL_TIMEOUT_MINUTES + " minutes and was stopped");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while installing chDB", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("npm install of " + NPM_PACKAGE + "@" + VERSION + " failed with exit code "
                    + process.exitValue() + ":\n" + tail(Files.readString(log, StandardCharsets.UTF_8)));
        }
        LOG.info("chDB installed in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private static String tail(String output) {
        return output.length() <= 4000 ? output : "..." + output.substring(output.length() - 4000);
    }
}
