import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load client of the security benchmarks, run as a single source file (java bench/SecurityLoad.java ...), so
 * it needs nothing but the JDK. Bounded loops, loopback only, one request at a time (latency, not throughput).
 *
 *   login BASE_URL WARMUP COUNT        registers a user, then times COUNT logins after WARMUP untimed ones
 *   authorized BASE_URL WARMUP COUNT   times GET /api/me with a bearer token, and GET /actuator/health/liveness
 *                                      (public, same filter chain, no token) as the baseline
 *
 * Prints "NAME VALUE ms" lines (p99, and p50 for context) to stdout.
 */
public class SecurityLoad {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String base = args[1];
        int warmup = Integer.parseInt(args[2]);
        int count = Integer.parseInt(args[3]);
        String email = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String password = "bench-" + UUID.randomUUID() + "-Pw";
        String credentials = "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
        expect(post(base + "/api/auth/register", credentials), 201, "register");

        if (mode.equals("login")) {
            HttpRequest login = postRequest(base + "/api/auth/login", credentials);
            double[] ms = time(login, warmup, count, 200);
            report("login", ms);
        } else if (mode.equals("authorized")) {
            HttpResponse<String> tokens = expect(post(base + "/api/auth/login", credentials), 200, "login");
            Matcher m = ACCESS_TOKEN.matcher(tokens.body());
            if (!m.find()) {
                throw new IllegalStateException("no access token in " + tokens.body());
            }
            HttpRequest me = HttpRequest.newBuilder(URI.create(base + "/api/me"))
                    .header("Authorization", "Bearer " + m.group(1)).timeout(Duration.ofSeconds(10)).build();
            HttpRequest liveness = HttpRequest.newBuilder(URI.create(base + "/actuator/health/liveness"))
                    .timeout(Duration.ofSeconds(10)).build();
            // Interleaved rounds, so both endpoints see the same machine noise.
            double[] authorized = new double[0];
            double[] baseline = new double[0];
            time(me, warmup, 0, 200);
            time(liveness, warmup, 0, 200);
            for (int round = 0; round < 4; round++) {
                authorized = concat(authorized, time(me, 0, count / 4, 200));
                baseline = concat(baseline, time(liveness, 0, count / 4, 200));
            }
            report("authorized-request", authorized);
            report("unauthenticated-request", baseline);
        } else {
            throw new IllegalArgumentException("mode must be login or authorized");
        }
    }

    private static double[] time(HttpRequest request, int warmup, int count, int status) throws Exception {
        for (int i = 0; i < warmup; i++) {
            expect(HTTP.send(request, HttpResponse.BodyHandlers.ofString()), status, "warm-up");
        }
        double[] ms = new double[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            ms[i] = (System.nanoTime() - start) / 1e6;
            expect(response, status, request.uri().getPath());
        }
        return ms;
    }

    private static void report(String name, double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.err.printf("[bench] %s: %d requests, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", name, sorted.length,
                percentile(sorted, 50), percentile(sorted, 99), sorted[sorted.length - 1]);
        System.out.printf("%s-p99 %.2f ms%n", name, percentile(sorted, 99));
        System.out.printf("%s-p50 %.2f ms%n", name, percentile(sorted, 50));
    }

    /** Nearest-rank percentile. */
    private static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static HttpRequest postRequest(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static HttpResponse<String> post(String url, String json) throws Exception {
        return HTTP.send(postRequest(url, json), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }
}
