package io.trendline.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Every REST call of the purchase tests, as one logged-in user (its bearer token on every request). */
final class PlatformClient {

    private final TestRestTemplate http;

    PlatformClient(TestRestTemplate http) {
        this.http = http;
    }

    ResponseEntity<JsonNode> get(TestAccounts.Session user, String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(user, Map.of())), JsonNode.class);
    }

    ResponseEntity<JsonNode> post(TestAccounts.Session user, String path, String json,
                                  Map<String, String> extraHeaders) {
        HttpHeaders headers = headers(user, extraHeaders);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), JsonNode.class);
    }

    ResponseEntity<JsonNode> purchase(TestAccounts.Session user, String key, String plan, String card) {
        return post(user, "/api/subscription/purchases",
                "{\"plan\":\"" + plan + "\",\"cardToken\":\"" + card + "\"}",
                key == null ? Map.of() : Map.of("Idempotency-Key", key));
    }

    private static HttpHeaders headers(TestAccounts.Session user, Map<String, String> extra) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.set(HttpHeaders.AUTHORIZATION, user.bearer());
        }
        extra.forEach(headers::set);
        return headers;
    }
}
