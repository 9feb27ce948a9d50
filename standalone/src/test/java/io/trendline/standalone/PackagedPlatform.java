package io.trendline.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged platform (the jar {@code ./trendline run} starts, named by the system property {@code trendline.jar})
 * run as a process of its own on one data directory, for the tests that kill it with SIGKILL and start it again. Its
 * HTTP port and its engines' ports (PostgreSQL, Kafka broker and controller, ClickHouse) stay the same across
 * restarts, as a user's would; each run logs to {@code <data>/<run>.log}.
 */
final class PackagedPlatform implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path data;
    private final int port = freePort();
    private final int postgresPort = freePort();
    private final int kafkaPort = freePort();
    private final int kafkaControllerPort = freePort();
    private final int clickHousePort = freePort();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<Process> started = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    PackagedPlatform(Path data) {
        this.data = data;
    }

    /** An environment variable for every run; a null value removes one the test JVM has. */
    PackagedPlatform withEnvironment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    int port() {
        return port;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    int postgresPort() {
        return postgresPort;
    }

    int clickHousePort() {
        return clickHousePort;
    }

    /** The log of the run named {@code run}. */
    Path log(String run) {
        return data.resolve(run + ".log");
    }

    /** Starts a run and returns once it is healthy. */
    Process start(String run) throws IOException, InterruptedException {
        String jar = System.getProperty("trendline.jar");
        assertThat(Path.of(jar)).exists();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Daxoniq.update-checker.disabled=true", "-jar", jar)
                .redirectErrorStream(true)
                .redirectOutput(log(run).toFile());
        Map<String, String> env = builder.environment();
        env.put("TRENDLINE_DATA_DIR", data.resolve("stack").toString());
        env.put("TRENDLINE_PORT", Integer.toString(port));
        env.put("TRENDLINE_POSTGRES_PORT", Integer.toString(postgresPort));
        env.put("TRENDLINE_KAFKA_PORT", Integer.toString(kafkaPort));
        env.put("TRENDLINE_KAFKA_CONTROLLER_PORT", Integer.toString(kafkaControllerPort));
        env.put("TRENDLINE_CLICKHOUSE_PORT", Integer.toString(clickHousePort));
        environment.forEach((name, value) -> {
            if (value == null) {
                env.remove(name);
            } else {
                env.put(name, value);
            }
        });
        Process process = builder.start();
        started.add(process);
        awaitHealthy(process, run);
        return process;
    }

    /** Kills a run with SIGKILL, as a crash or the OOM killer would. */
    void kill(Process process) throws InterruptedException {
        process.destroyForcibly().waitFor();
        assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    }

    private void awaitHealthy(Process process, String run) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("%s run alive; see %s", run, log(run)).isTrue();
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (JSON.readTree(health.body()).path("status").asText().equals("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(run + " run not healthy within 120 s; see " + log(run) + ":\n"
                + Files.readString(log(run)));
    }

    @Override
    public void close() {
        started.forEach(Process::destroyForcibly);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
