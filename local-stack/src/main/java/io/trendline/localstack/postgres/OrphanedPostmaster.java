package io.trendline.localstack.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a postmaster that an earlier, killed JVM left running on a data directory. Its {@code postmaster.pid} would
 * otherwise make the new server refuse to start ("lock file already exists").
 */
final class OrphanedPostmaster {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanedPostmaster.class);
    private static final Duration FAST_SHUTDOWN_WAIT = Duration.ofSeconds(20);
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private OrphanedPostmaster() {
    }

    /** Stops the postmaster recorded in {@code pgdata/postmaster.pid} if it is alive and really serves pgdata. */
    static void stopIfRunning(Path pgdata) {
        Optional<PostmasterPidFile> pidFile = PostmasterPidFile.read(pgdata);
        if (pidFile.isEmpty()) {
            return;
        }
        long pid = pidFile.get().pid();
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            LOG.info("Stale {} (pid {} is gone); PostgreSQL will replace it", PostmasterPidFile.NAME, pid);
            return;
        }
        if (!isPostmasterOf(pid, pgdata) || !pgdata.equals(pidFile.get().dataDirectory())) {
            // The pid was reused by an unrelated process; PostgreSQL would still refuse to start because it is alive.
            LOG.warn("{} names pid {}, which is not a PostgreSQL server for {}; removing the stale file",
                    PostmasterPidFile.NAME, pid, pgdata);
            deleteQuietly(pgdata.resolve(PostmasterPidFile.NAME));
            return;
        }
        LOG.warn("PostgreSQL (pid {}) left running by an earlier, killed process still holds {}; stopping it",
                pid, pgdata);
        stop(process.get());
    }

    private static void stop(ProcessHandle postmaster) {
        // Backends must go too: an orphaned backend still attached to shared memory blocks the next start.
        List<ProcessHandle> children = postmaster.descendants().toList();
        signal(postmaster.pid(), "INT"); // SIGINT = fast shutdown: roll back open transactions, checkpoint, exit
        if (awaitExit(postmaster, FAST_SHUTDOWN_WAIT)) {
            LOG.info("Stopped orphaned PostgreSQL pid {}", postmaster.pid());
            return;
        }
        LOG.warn("PostgreSQL pid {} ignored the fast shutdown; killing it (it will run crash recovery next start)",
                postmaster.pid());
        postmaster.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        awaitExit(postmaster, KILL_WAIT);
        children.forEach(child -> awaitExit(child, KILL_WAIT));
    }

    static boolean isPostmasterOf(long pid, Path pgdata) {
        try {
            String[] args = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8).split("\0");
            if (args.length == 0 || !Path.of(args[0]).getFileName().toString().equals("postgres")) {
                return false;
            }
            for (int i = 1; i < args.length - 1; i++) {
                if (args[i].equals("-D") && Path.of(args[i + 1]).toAbsolutePath().normalize().equals(pgdata)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            LOG.debug("Cannot inspect pid {}", pid, e);
            return false;
        }
    }

    private static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            LOG.warn("Cannot send SIG{} to pid {}", signal, pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Cannot delete {}", file, e);
        }
    }
}
