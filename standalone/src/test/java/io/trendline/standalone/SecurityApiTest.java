package io.trendline.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trendline.api.common.Money;
import io.trendline.api.subscription.PremiumPlan;
import io.trendline.api.subscription.RequestPremiumPurchaseCommand;
import io.trendline.api.subscription.StartSubscriptionCommand;
import io.trendline.api.subscription.UpgradeSubscriptionCommand;
import io.trendline.web.security.Role;
import io.trendline.web.security.token.JwtKeyRing;
import io.trendline.web.security.token.TokenService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Accounts, tokens, roles, ownership, the premium entitlement and rate limits, over HTTP on the whole platform. */
@StandaloneTest
class SecurityApiTest {

    private static final String STRATEGY = "{\"name\":\"Mine\",\"type\":\"BUY_AND_HOLD\",\"symbol\":\"BTCUSDT\"}";
    private static final Set<String> PUBLIC = Set.of("POST /api/auth/register", "POST /api/auth/login",
            "POST /api/auth/refresh");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    CommandGateway commandGateway;

    @Autowired
    JwtKeyRing keys;

    private final HttpClient http = HttpClient.newHttpClient();

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private HttpResponse<String> call(String method, String path, String body, String bearer) {
        return call(method, path, body, bearer, TestAccounts.randomAddress());
    }

    private HttpResponse<String> call(String method, String path, String body, String bearer, String address) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("X-Forwarded-For", address)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static JsonNode assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = TestAccounts.read(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).isEqualTo("https://trendline.io/problems/" + type);
        return problem;
    }

    private static void assertUnauthorized(HttpResponse<String> response, String type) {
        assertProblem(response, 401, type);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer realm=\"trendline\""));
    }

    private TestAccounts.Session trader() {
        return TestAccounts.registerAndLogin(base(), "trader");
    }

    /** A new user with exactly {@code roles}, granted by the bootstrap administrator, logged in afresh. */
    private TestAccounts.Session withRoles(Role... roles) {
        TestAccounts.Session user = trader();
        TestAccounts.Session admin = TestAccounts.login(base(), StandaloneTest.ADMIN_EMAIL,
                StandaloneTest.ADMIN_PASSWORD);
        StringBuilder names = new StringBuilder();
        for (Role role : roles) {
            names.append(names.isEmpty() ? "" : ",").append('"').append(role.name()).append('"');
        }
        HttpResponse<String> granted = call("PUT", "/api/admin/users/" + user.userId() + "/roles",
                "{\"roles\":[" + names + "]}", admin.bearer());
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        return TestAccounts.login(base(), user.email(), user.password());
    }

    private String createStrategy(TestAccounts.Session owner) {
        HttpResponse<String> created = call("POST", "/api/strategies", STRATEGY, owner.bearer());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return TestAccounts.read(created.body()).get("strategyId").asText();
    }

    private HttpResponse<String> await(String what, java.util.function.Supplier<HttpResponse<String>> call,
                                       int status) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            HttpResponse<String> response = call.get();
            if (response.statusCode() == status) {
                return response;
            }
            assertThat(Instant.now()).as("%s answering %d, last %s", what, status, response.body())
                    .isBefore(deadline);
            sleep(50);
        }
    }

    @Test
    void registeringStartsAFreeSubscriptionWhoseEventNamesTheUser() {
        // given
        TestAccounts.Session user = trader();
        TestAccounts.Session auditor = withRoles(Role.AUDITOR);

        // when
        JsonNode subscription = TestAccounts.read(await("subscription of the new user",
                () -> call("GET", "/api/me/subscription", null, user.bearer()), 200).body());
        JsonNode events = TestAccounts.read(call("GET", "/api/strategies/"
                + StartSubscriptionCommand.subscriptionIdOf(user.userId()) + "/events", null, auditor.bearer())
                .body()).get("events");

        // then
        assertThat(subscription.at("/subscription/plan").asText()).isEqualTo("FREE");
        assertThat(subscription.get("premium").asBoolean()).isFalse();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("type").asText()).isEqualTo("SubscriptionStartedEvent");
        assertThat(events.get(0).at("/metaData/userId").asText()).isEqualTo(user.userId());
        JsonNode me = TestAccounts.read(call("GET", "/api/me", null, user.bearer()).body());
        assertThat(me.get("userId").asText()).isEqualTo(user.userId());
        assertThat(me.get("roles")).hasSize(1);
        assertThat(me.get("roles").get(0).asText()).isEqualTo("TRADER");
    }

    @Test
    void registrationRefusesWeakPasswordsTakenEmailsAndMalformedAddresses() {
        String email = TestAccounts.newEmail("policy");

        assertProblem(TestAccounts.post(base(), "/api/auth/register", TestAccounts.credentials(email, "Short1!")),
                400, "weak-password");
        JsonNode guessable = assertProblem(TestAccounts.post(base(), "/api/auth/register",
                TestAccounts.credentials(email, "password1234")), 400, "weak-password");
        assertThat(guessable.get("detail").asText()).contains("too easy to guess");
        assertThat(TestAccounts.post(base(), "/api/auth/register",
                TestAccounts.credentials(email, TestAccounts.strongPassword())).statusCode()).isEqualTo(201);
        assertProblem(TestAccounts.post(base(), "/api/auth/register",
                TestAccounts.credentials(email.toUpperCase(), TestAccounts.strongPassword())), 409, "email-taken");
        assertThat(TestAccounts.post(base(), "/api/auth/register",
                TestAccounts.credentials("not-an-email", TestAccounts.strongPassword())).statusCode()).isEqualTo(400);
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSame401() {
        TestAccounts.Session user = trader();

        HttpResponse<String> wrongPassword = TestAccounts.post(base(), "/api/auth/login",
                TestAccounts.credentials(user.email(), "not-" + user.password()));
        HttpResponse<String> unknown = TestAccounts.post(base(), "/api/auth/login",
                TestAccounts.credentials(TestAccounts.newEmail("nobody"), user.password()));

        assertUnauthorized(wrongPassword, "invalid-credentials");
        assertUnauthorized(unknown, "invalid-credentials");
        assertThat(TestAccounts.read(wrongPassword.body()).get("detail"))
                .isEqualTo(TestAccounts.read(unknown.body()).get("detail"));
    }

    @Test
    void aRefreshRotatesTheTokenAndReusingAnOldOneRevokesTheWholeFamily() {
        // given
        TestAccounts.Session user = trader();

        // when
        HttpResponse<String> first = TestAccounts.post(base(), "/api/auth/refresh",
                "{\"refreshToken\":\"" + user.refreshToken() + "\"}");
        JsonNode rotated = TestAccounts.read(first.body());
        String next = rotated.get("refreshToken").asText();

        // then
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(next).isNotEqualTo(user.refreshToken());
        assertThat(call("GET", "/api/me", null, "Bearer " + rotated.get("accessToken").asText()).statusCode())
                .isEqualTo(200);
        assertUnauthorized(TestAccounts.post(base(), "/api/auth/refresh",
                "{\"refreshToken\":\"" + user.refreshToken() + "\"}"), "invalid-refresh-token");
        assertUnauthorized(TestAccounts.post(base(), "/api/auth/refresh", "{\"refreshToken\":\"" + next + "\"}"),
                "invalid-refresh-token");
    }

    @Test
    void theRefreshCookieIsHttpOnlyStrictAndWorksWithoutABody() {
        // given
        TestAccounts.Session user = trader();
        HttpResponse<String> login = TestAccounts.post(base(), "/api/auth/login",
                TestAccounts.credentials(user.email(), user.password()));
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();

        // when
        HttpResponse<String> refreshed = call("POST", "/api/auth/refresh", null, null);
        HttpRequest withCookie = HttpRequest.newBuilder(URI.create(base() + "/api/auth/refresh"))
                .header("Cookie", setCookie.substring(0, setCookie.indexOf(';')))
                .header("X-Forwarded-For", TestAccounts.randomAddress())
                .POST(HttpRequest.BodyPublishers.noBody()).build();

        // then
        assertThat(setCookie).startsWith("trendline_refresh=").contains("HttpOnly", "SameSite=Strict",
                "Path=/api/auth");
        assertUnauthorized(refreshed, "invalid-refresh-token");
        assertThat(send(withCookie).statusCode()).isEqualTo(200);
    }

    @Test
    void logoutRevokesTheSessionsRefreshToken() {
        TestAccounts.Session user = trader();

        HttpResponse<String> logout = call("POST", "/api/auth/logout",
                "{\"refreshToken\":\"" + user.refreshToken() + "\"}", user.bearer());

        assertThat(logout.statusCode()).isEqualTo(204);
        assertUnauthorized(TestAccounts.post(base(), "/api/auth/refresh",
                "{\"refreshToken\":\"" + user.refreshToken() + "\"}"), "invalid-refresh-token");
        assertUnauthorized(call("POST", "/api/auth/logout", "{}", null), "unauthorized");
    }

    @Test
    void everyApiEndpointButTheCredentialOnesAnswers401WithoutAToken() {
        // given: every mapped controller method, so an endpoint added later is covered too
        List<String> endpoints = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/v3/api-docs") || pattern.startsWith("/swagger-ui")
                        || pattern.equals("/error")) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    endpoints.add(method.name() + " " + pattern.replaceAll("\\{[^}]+}", "x"));
                }
            }
        }
        endpoints.addAll(List.of("GET /actuator/prometheus", "GET /actuator/metrics", "GET /actuator/info"));
        assertThat(endpoints).contains("GET /api/strategies", "GET /api/me", "GET /api/premium/ping");

        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            String body = method.equals("GET") || method.equals("DELETE") ? null : "{}";

            // when
            HttpResponse<String> response = call(method, path, body, null);

            // then
            if (PUBLIC.contains(endpoint)) {
                assertThat(response.body()).as(endpoint).doesNotContain("problems/unauthorized");
            } else {
                assertThat(response.statusCode()).as(endpoint + ": " + response.body()).isEqualTo(401);
                assertUnauthorized(response, "unauthorized");
            }
        }
    }

    @Test
    void healthTheApiDocsAndTheAppItselfNeedNoToken() {
        assertThat(call("GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/actuator/health/liveness", null, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/v3/api-docs", null, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/", null, null).statusCode()).isNotEqualTo(401);
        assertThat(call("GET", "/assets/index.js", null, null).statusCode()).isNotEqualTo(401);
        assertUnauthorized(call("GET", "/anything-else", null, null), "unauthorized");
    }

    @Test
    void forgedAndStaleTokensGet401AndNoData() {
        // given
        TestAccounts.Session user = trader();
        String valid = user.accessToken();
        String[] parts = valid.split("\\.");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String adminPayload = b64.encodeToString(payload.replace("\"TRADER\"", "\"ADMIN\"")
                .getBytes(StandardCharsets.UTF_8));
        String noneHeader = b64.encodeToString("{\"alg\":\"none\",\"kid\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        Clock anHourAgo = Clock.fixed(Instant.now().minus(1, ChronoUnit.HOURS), ZoneOffset.UTC);
        JwtKeyRing otherKey = JwtKeyRing.parse(keys.signingKid() + ":" + b64.encodeToString(new byte[32]));
        List<String> forged = List.of(
                parts[0] + "." + adminPayload + "." + parts[2],
                noneHeader + "." + parts[1] + ".",
                new TokenService(otherKey, "trendline", "trendline-api", Duration.ofMinutes(5), Clock.systemUTC())
                        .issue(user.userId(), user.email(), Set.of(Role.ADMIN)).token(),
                new TokenService(keys, "trendline", "trendline-api", Duration.ofMinutes(5), anHourAgo)
                        .issue(user.userId(), user.email(), Set.of(Role.TRADER)).token(),
                new TokenService(keys, "someone-else", "trendline-api", Duration.ofMinutes(5), Clock.systemUTC())
                        .issue(user.userId(), user.email(), Set.of(Role.TRADER)).token(),
                new TokenService(keys, "trendline", "another-api", Duration.ofMinutes(5), Clock.systemUTC())
                        .issue(user.userId(), user.email(), Set.of(Role.TRADER)).token(),
                "not-a-token");

        for (String token : forged) {
            // when
            HttpResponse<String> response = call("GET", "/api/admin/users", null, "Bearer " + token);

            // then
            assertUnauthorized(response, "invalid-token");
            assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                    .contains("error=\"invalid_token\"");
            assertThat(response.body()).doesNotContain(StandaloneTest.ADMIN_EMAIL);
        }
        assertThat(call("GET", "/api/me", null, "Bearer " + valid).statusCode()).isEqualTo(200);
    }

    @Test
    void anotherUsersStrategyIsForbiddenButAnAuditorMayReadIt() {
        // given
        TestAccounts.Session owner = trader();
        TestAccounts.Session other = trader();
        TestAccounts.Session auditor = withRoles(Role.AUDITOR);
        String id = createStrategy(owner);
        await("the owner's strategy", () -> call("GET", "/api/strategies/" + id, null, owner.bearer()), 200);

        // when / then: reads, changes and the history of another user's strategy are refused
        assertProblem(call("GET", "/api/strategies/" + id, null, other.bearer()), 403, "not-owner");
        assertProblem(call("GET", "/api/strategies/" + id + "/events", null, other.bearer()), 403, "not-owner");
        assertProblem(call("PUT", "/api/strategies/" + id + "/name", "{\"name\":\"stolen\"}", other.bearer()),
                403, "not-owner");
        assertProblem(call("DELETE", "/api/strategies/" + id, null, other.bearer()), 403, "not-owner");
        assertThat(TestAccounts.read(call("GET", "/api/strategies", null, other.bearer()).body()).get("total")
                .asLong()).isZero();
        assertProblem(call("GET", "/api/strategies?all=true", null, other.bearer()), 403, "forbidden");

        // an auditor reads it and its events, but cannot change it
        assertThat(call("GET", "/api/strategies/" + id, null, auditor.bearer()).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/strategies/" + id + "/events", null, auditor.bearer()).statusCode())
                .isEqualTo(200);
        assertThat(call("GET", "/api/strategies?all=true", null, auditor.bearer()).body()).contains(id);
        assertProblem(call("PUT", "/api/strategies/" + id + "/name", "{\"name\":\"audited\"}", auditor.bearer()),
                403, "forbidden");
        assertThat(TestAccounts.read(call("GET", "/api/strategies/" + id, null, owner.bearer()).body())
                .get("name").asText()).isEqualTo("Mine");
    }

    @Test
    void theOwnerMayChangeAStrategyBeforeTheReadModelShowsIt() {
        TestAccounts.Session owner = trader();
        TestAccounts.Session other = trader();
        String id = createStrategy(owner);

        HttpResponse<String> foreign = call("PUT", "/api/strategies/" + id + "/name", "{\"name\":\"x\"}",
                other.bearer());
        HttpResponse<String> own = call("PUT", "/api/strategies/" + id + "/name", "{\"name\":\"Renamed\"}",
                owner.bearer());

        assertProblem(foreign, 403, "not-owner");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(202);
    }

    @Test
    void rolesDecideWhoMayDoWhat() {
        TestAccounts.Session analyst = withRoles(Role.ANALYST);
        TestAccounts.Session trader = trader();

        assertProblem(call("POST", "/api/strategies", STRATEGY, analyst.bearer()), 403, "forbidden");
        assertProblem(call("GET", "/api/strategies", null, analyst.bearer()), 403, "forbidden");
        assertProblem(call("GET", "/api/admin/users", null, trader.bearer()), 403, "forbidden");
        assertProblem(call("PUT", "/api/admin/users/" + trader.userId() + "/roles", "{\"roles\":[\"ADMIN\"]}",
                trader.bearer()), 403, "forbidden");
        assertProblem(call("GET", "/actuator/prometheus", null, trader.bearer()), 403, "forbidden");
        assertThat(call("GET", "/api/strategy-types", null, analyst.bearer()).statusCode()).isEqualTo(200);
        assertThat(TestAccounts.read(call("GET", "/api/me", null, analyst.bearer()).body()).get("roles").toString())
                .isEqualTo("[\"ANALYST\"]");
    }

    @Test
    void aFreeUserIsRefusedThePremiumEndpointAndAPremiumUserIsServed() {
        // given
        TestAccounts.Session free = trader();
        TestAccounts.Session premium = trader();
        await("the free subscription", () -> call("GET", "/api/me/subscription", null, premium.bearer()), 200);
        String subscription = StartSubscriptionCommand.subscriptionIdOf(premium.userId());
        String purchase = UUID.randomUUID().toString();
        commandGateway.sendAndWait(new RequestPremiumPurchaseCommand(subscription, purchase, PremiumPlan.MONTHLY,
                Money.of("9.99", "EUR"), purchase, "4242424242424242"));
        commandGateway.sendAndWait(new UpgradeSubscriptionCommand(subscription, purchase,
                Instant.now().plus(Duration.ofDays(30))));

        // when
        JsonNode refused = assertProblem(call("GET", "/api/premium/ping", null, free.bearer()), 403,
                "premium-required");
        HttpResponse<String> served = await("premium ping", () -> call("GET", "/api/premium/ping", null,
                premium.bearer()), 200);

        // then
        assertThat(refused.get("detail").asText()).contains("premium subscription");
        assertThat(refused.has("userId")).isFalse();
        assertThat(TestAccounts.read(served.body()).get("userId").asText()).isEqualTo(premium.userId());
    }

    /**
     * Sends {@code request} until it is refused, at most twice the limit (the bucket refills steadily, a few tokens
     * while the loop runs); answers the refusal and how many were served before it.
     */
    private static Limited untilRefused(int limit, java.util.function.Supplier<HttpResponse<String>> request) {
        for (int served = 0; served < 2 * limit; served++) {
            HttpResponse<String> response = request.get();
            if (response.statusCode() == 429) {
                return new Limited(served, response);
            }
        }
        throw new AssertionError("no 429 within " + 2 * limit + " requests");
    }

    private record Limited(int served, HttpResponse<String> refusal) {
    }

    @Test
    void aUserOverTheirLimitGets429WithRetryAfter() {
        // given
        TestAccounts.Session user = trader();

        // when
        Limited limited = untilRefused(StandaloneTest.PER_USER_LIMIT,
                () -> call("GET", "/api/me", null, user.bearer()));

        // then
        HttpResponse<String> refused = limited.refusal();
        assertThat(limited.served()).isGreaterThanOrEqualTo(StandaloneTest.PER_USER_LIMIT);
        assertProblem(refused, 429, "rate-limited");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(call("GET", "/api/me", null, trader().bearer()).statusCode()).isEqualTo(200);
    }

    @Test
    void passwordGuessesFromOneAddressAreLimited() {
        // given
        String address = TestAccounts.randomAddress().replace("198.51.", "203.0.");
        String guess = TestAccounts.credentials(TestAccounts.newEmail("victim"), TestAccounts.strongPassword());

        // when
        Limited limited = untilRefused(StandaloneTest.AUTH_PER_ADDRESS_LIMIT,
                () -> call("POST", "/api/auth/login", guess, null, address));

        // then
        HttpResponse<String> refused = limited.refusal();
        assertThat(limited.served()).isGreaterThanOrEqualTo(StandaloneTest.AUTH_PER_ADDRESS_LIMIT);
        assertProblem(refused, 429, "rate-limited");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(call("POST", "/api/auth/login", guess, null, TestAccounts.randomAddress()).statusCode())
                .isEqualTo(401);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
