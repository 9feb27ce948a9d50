package io.trendline.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Registers and logs in users over HTTP against a running platform, for the tests that need a token. Each call comes
 * from its own documentation address (X-Forwarded-For, trusted from loopback when the test enables forwarded
 * headers) so the per-address limit on the credential endpoints never couples unrelated tests.
 */
final class TestAccounts {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private TestAccounts() {
    }

    /** A logged-in user. */
    record Session(String userId, String email, String password, String accessToken, String refreshToken) {

        String bearer() {
            return "Bearer " + accessToken;
        }
    }

    static String strongPassword() {
        return "Tl-" + UUID.randomUUID() + "-Kx";
    }

    static String newEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    /** Registers a new TRADER and logs in. */
    static Session registerAndLogin(String baseUrl, String who) {
        String email = newEmail(who);
        String password = strongPassword();
        HttpResponse<String> registered = post(baseUrl, "/api/auth/register", credentials(email, password));
        assertThat(registered.statusCode()).as("register %s: %s", email, registered.body()).isEqualTo(201);
        return login(baseUrl, email, password);
    }

    static Session login(String baseUrl, String email, String password) {
        HttpResponse<String> response = post(baseUrl, "/api/auth/login", credentials(email, password));
        assertThat(response.statusCode()).as("login %s: %s", email, response.body()).isEqualTo(200);
        JsonNode tokens = read(response.body());
        return new Session(tokens.get("userId").asText(), email, password, tokens.get("accessToken").asText(),
                tokens.get("refreshToken").asText());
    }

    static String credentials(String email, String password) {
        ObjectNode body = JSON.createObjectNode().put("email", email).put("password", password);
        return body.toString();
    }

    static HttpResponse<String> post(String baseUrl, String path, String json) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Content-Type", "application/json")
                    .header("X-Forwarded-For", randomAddress())
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An address from TEST-NET-2 (RFC 5737), different on almost every call. */
    static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(100, 200) + "." + random.nextInt(1, 255);
    }
}
