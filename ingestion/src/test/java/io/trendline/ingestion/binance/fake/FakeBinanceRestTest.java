package io.trendline.ingestion.binance.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendline.ingestion.testing.SharedData;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeBinanceRestTest {

    private static final long T0 = Instant.parse("2025-05-20T00:00:00Z").toEpochMilli();
    private static final long MINUTE = CandleSeries.MINUTE;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();
    private final CandleSeries btc = CandleSeries.generated("BTCUSDT", T0, 3000, 1);
    private FakeBinance fake;

    @AfterEach
    void stop() {
        if (fake != null) {
            fake.close();
        }
    }

    private FakeBinance start(ReplayClock clock) {
        fake = FakeBinance.builder().series(btc).clock(clock).start();
        return fake;
    }

    private HttpResponse<String> get(String query) throws Exception {
        return get(query, null);
    }

    private HttpResponse<String> get(String query, String timeUnit) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fake.restUrl() + "/api/v3/klines?" + query));
        if (timeUnit != null) {
            request.header("X-MBX-TIME-UNIT", timeUnit);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<Long> openTimes(HttpResponse<String> response) throws Exception {
        List<Long> times = new ArrayList<>();
        mapper.readTree(response.body()).forEach(row -> times.add(row.get(0).asLong()));
        return times;
    }

    @Test
    void rowsHaveTheTypesAndLayoutOfARecordedBinanceAnswer() throws Exception {
        // given
        start(ReplayClock.paused(Instant.ofEpochMilli(T0 + 100 * MINUTE)));
        JsonNode recorded = SharedData.file("binance-api/nautilus__http_spot_market_klines.json")
                .map(p -> { try { return mapper.readTree(p.toFile()); } catch (Exception e) { throw new
                        IllegalStateException(e); } })
                .orElseGet(() -> mapper.createArrayNode().add(mapper.createArrayNode().add(1634943780000L)
                        .add("60685.22000000").add("60729.84000000").add("60670.90000000").add("60719.27000000")
                        .add("21.63272000").add(1634943839999L).add("1313200.01340410").add(617)
                        .add("12.28492000").add("745719.41022840").add("0")));

        // when
        HttpResponse<String> response = get("symbol=BTCUSDT&interval=1m&startTime=" + T0 + "&limit=3");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v ->
                assertThat(v).startsWith("application/json"));
        JsonNode row = mapper.readTree(response.body()).get(0);
        JsonNode real = recorded.get(0);
        assertThat(row.size()).isEqualTo(real.size());
        for (int i = 0; i < real.size(); i++) {
            assertThat(row.get(i).getNodeType()).as("column %d", i).isEqualTo(real.get(i).getNodeType());
            if (real.get(i).isTextual()) {
                assertThat(row.get(i).textValue()).as("column %d", i).matches("\\d+\\.\\d{8}|0");
            }
        }
        assertThat(row.get(0).asLong()).isEqualTo(T0);
        assertThat(row.get(6).asLong()).isEqualTo(T0 + MINUTE - 1);
        assertThat(new BigDecimal(row.get(4).textValue()))
                .isEqualByComparingTo(BigDecimal.valueOf(btc.value(CandleSeries.Field.CLOSE, 0), 8));
    }

    @Test
    void startTimeGivesTheOldestFromThereUpToTheLimitAndEndTimeCapsIt() throws Exception {
        // given
        start(ReplayClock.paused(Instant.ofEpochMilli(T0 + 2000 * MINUTE)));

        // when
        List<Long> page = openTimes(get("symbol=BTCUSDT&interval=1m&startTime=" + (T0 + 10 * MINUTE + 1)
                + "&limit=1000"));
        List<Long> capped = openTimes(get("symbol=BTCUSDT&interval=1m&startTime=" + (T0 + 10 * MINUTE)
                + "&endTime=" + (T0 + 14 * MINUTE)));
        List<Long> byDefault = openTimes(get("symbol=BTCUSDT&interval=1m&startTime=" + T0));

        // then
        assertThat(page).hasSize(1000).first().isEqualTo(T0 + 11 * MINUTE);
        assertThat(page).isSorted().doesNotHaveDuplicates();
        assertThat(page.get(999)).isEqualTo(T0 + 1010 * MINUTE);
        assertThat(capped).containsExactly(T0 + 10 * MINUTE, T0 + 11 * MINUTE, T0 + 12 * MINUTE, T0 + 13 * MINUTE,
                T0 + 14 * MINUTE);
        assertThat(byDefault).hasSize(500);
    }

    @Test
    void withoutStartTimeTheLatestCandlesComeWithTheOneInProgressLast() throws Exception {
        // given: 30 s into the candle opening at minute 2000
        start(ReplayClock.paused(Instant.ofEpochMilli(T0 + 2000 * MINUTE + 30_000)));

        // when
        JsonNode latest = mapper.readTree(get("symbol=BTCUSDT&interval=1m&limit=3").body());
        List<Long> beforeEnd = openTimes(get("symbol=BTCUSDT&interval=1m&endTime=" + (T0 + 100 * MINUTE)
                + "&limit=2"));
        List<Long> future = openTimes(get("symbol=BTCUSDT&interval=1m&startTime=" + (T0 + 2001 * MINUTE)));

        // then
        assertThat(latest).extracting(r -> r.get(0).asLong())
                .containsExactly(T0 + 1998 * MINUTE, T0 + 1999 * MINUTE, T0 + 2000 * MINUTE);
        JsonNode inProgress = latest.get(2);
        BigDecimal partialVolume = new BigDecimal(inProgress.get(5).textValue());
        BigDecimal fullVolume = BigDecimal.valueOf(btc.value(CandleSeries.Field.VOLUME, 2000), 8);
        assertThat(partialVolume).isEqualByComparingTo(fullVolume.divide(BigDecimal.valueOf(2))
                .setScale(8, java.math.RoundingMode.HALF_EVEN));
        assertThat(beforeEnd).containsExactly(T0 + 99 * MINUTE, T0 + 100 * MINUTE);
        assertThat(future).isEmpty();
    }

    @Test
    void microsecondTimeUnitScalesTheTimes() throws Exception {
        // given
        start(ReplayClock.paused(Instant.ofEpochMilli(T0 + 100 * MINUTE)));

        // when
        JsonNode row = mapper.readTree(get("symbol=BTCUSDT&interval=1m&startTime=" + T0 * 1000 + "&limit=1",
                "MICROSECOND").body()).get(0);

        // then
        assertThat(row.get(0).asLong()).isEqualTo(T0 * 1000);
        assertThat(row.get(6).asLong()).isEqualTo((T0 + MINUTE) * 1000 - 1);
    }

    @Test
    void everyAnswerCarriesTheWeightUsedInTheWindowAtTwoARequest() throws Exception {
        // given
        start(ReplayClock.paused(Instant.ofEpochMilli(T0 + 100 * MINUTE)));

        // when
        long first = Long.parseLong(get("symbol=BTCUSDT&interval=1m&limit=1").headers()
                .firstValue("X-MBX-USED-WEIGHT-1M").orElseThrow());
        long second = Long.parseLong(get("symbol=BTCUSDT&interval=1m&limit=1").headers()
                .firstValue("X-MBX-USED-WEIGHT-1M").orElseThrow());

        // then: both fall in the same minute unless the test straddles one
        assertThat(second - first).isIn(2L, 2L - first);
    }

    @Test
    void badParametersAnswer400WithBinanceErrorCodes() throws Exception {
        // given
        start(ReplayClock.paused(Instant.ofEpochMilli(T0 + 100 * MINUTE)));

        // when / then
        assertError(get("interval=1m"), -1102);
        assertError(get("symbol=BTCUSDT"), -1102);
        assertError(get("symbol=NOPE&interval=1m"), -1121);
        assertError(get("symbol=BTCUSDT&interval=7m"), -1120);
        assertError(get("symbol=BTCUSDT&interval=1m&limit=1001"), -1130);
        assertError(get("symbol=BTCUSDT&interval=1m&limit=0"), -1130);
        assertError(get("symbol=BTCUSDT&interval=1m&startTime=abc"), -1100);
        assertError(get("symbol=BTCUSDT&interval=1m&startTime=" + (T0 + MINUTE) + "&endTime=" + T0), -1023);
    }

    private void assertError(HttpResponse<String> response, int code) throws Exception {
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = mapper.readTree(response.body());
        assertThat(body.get("code").asInt()).isEqualTo(code);
        assertThat(body.get("msg").asText()).isNotBlank();
    }

    @Test
    void pastTheWeightLimitItAnswers429WithRetryAfterAndBansAClientThatIgnoresIt() throws Exception {
        // given: 3 requests a 10-second window
        fake = FakeBinance.builder().series(btc).clock(ReplayClock.paused(Instant.ofEpochMilli(T0 + MINUTE)))
                .weightLimit(6, Duration.ofSeconds(10)).start();
        while (Instant.now().getEpochSecond() % 10 > 6) {
            Thread.sleep(100); // keep the four requests inside one window
        }

        // when
        for (int i = 0; i < 3; i++) {
            assertThat(get("symbol=BTCUSDT&interval=1m&limit=1").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = get("symbol=BTCUSDT&interval=1m&limit=1");
        HttpResponse<String> ignored = get("symbol=BTCUSDT&interval=1m&limit=1");

        // then
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(mapper.readTree(limited.body()).get("code").asInt()).isEqualTo(-1003);
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 10L);
        assertThat(ignored.statusCode()).isEqualTo(418);
        assertThat(ignored.headers().firstValue("Retry-After")).isPresent();
        assertThat(fake.stats().restTooManyRequests()).isEqualTo(1);
        assertThat(fake.stats().restBans()).isEqualTo(1);
    }

    @Test
    void forcedFailuresAreServedInOrderThenNormalAnswersResume() throws Exception {
        // given
        start(ReplayClock.paused(Instant.ofEpochMilli(T0 + 100 * MINUTE)));
        fake.faults().failRestRequests(503, 1, Duration.ZERO);
        fake.faults().failRestRequests(429, 1, Duration.ofSeconds(1));

        // when
        HttpResponse<String> first = get("symbol=BTCUSDT&interval=1m&limit=1");
        HttpResponse<String> second = get("symbol=BTCUSDT&interval=1m&limit=1");
        Thread.sleep(1100);
        HttpResponse<String> third = get("symbol=BTCUSDT&interval=1m&limit=1");

        // then
        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(fake.stats().restBans()).isZero();
    }
}
