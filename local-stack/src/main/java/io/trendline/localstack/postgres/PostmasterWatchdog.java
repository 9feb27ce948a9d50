package io.trendline.localstack.postgres;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the postmaster when this JVM dies without closing it (kill -9, crash). pg_ctl detaches the server from us,
 * so nothing else would; a small shell child waits on a pipe from the JVM, which the kernel closes when the JVM
 * dies, and then sends the postmaster SIGINT (fast shutdown). A clean close tells it to just exit.
 */
final class PostmasterWatchdog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostmasterWatchdog.class);

    // Ignores terminal signals so a Ctrl-C on the process group leaves it waiting for the JVM's pipe.
    private static final String SCRIPT = "trap '' INT TERM HUP; "
            + "if read -r line && [ \"$line\" = detach ]; then exit 0; fi; "
            + "kill -INT \"$1\" 2>/dev/null";

    private final Process process;

    private PostmasterWatchdog(Process process) {
        this.process = process;
    }

    /** Starts a watchdog for the postmaster {@code pid}; returns null (logged) if no shell can be started. */
    static PostmasterWatchdog watch(long pid) {
        try {
            Process process = new ProcessBuilder("sh", "-c", SCRIPT, "trendline-postgres-watchdog", Long.toString(pid))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new PostmasterWatchdog(process);
        } catch (IOException e) {
            LOG.warn("No watchdog for PostgreSQL pid {}: it will outlive a killed JVM until the next start", pid, e);
            return null;
        }
    }

    long pid() {
        return process.pid();
    }

    /** Lets the watchdog exit without touching the postmaster. */
    @Override
    public void close() {
        try (OutputStream in = process.getOutputStream()) {
            in.write("detach\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            LOG.debug("Watchdog already gone", e);
        }
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
