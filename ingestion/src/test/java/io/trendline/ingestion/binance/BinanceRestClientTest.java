package io.trendline.ingestion.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendline.api.market.Kline;
import io.trendline.ingestion.binance.fake.CandleSeries;
import io.trendline.ingestion.binance.fake.FakeBinance;
import io.trendline.ingestion.binance.fake.ReplayClock;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BinanceRestClientTest {

    private static final long T0 = Instant.parse("2025-05-20T00:00:00Z").toEpochMilli();
    private static final long MINUTE = CandleSeries.MINUTE;

    private final CandleSeries btc = CandleSeries.generated("BTCUSDT", T0, 5000, 7);
    private FakeBinance fake;

    @AfterEach
    void stop() {
        if (fake != null) {
            fake.close();
        }
    }

    private BinanceRestClient client(FakeBinance binance, int budget, Duration window) {
        return new BinanceRestClient(new BinanceRestClient.Settings(binance.restUrl(), budget, window, 4,
                Duration.ofMillis(50), Duration.ofSeconds(5), Duration.ofSeconds(5)), HttpClient.newHttpClient(),
                new ObjectMapper());
    }

    private FakeBinance.Builder fake() {
        return FakeBinance.builder().series(btc).clock(ReplayClock.paused(Instant.ofEpochMilli(T0 + 4900 * MINUTE
                + 20_000)));
    }

    @Test
    void pagesThroughARangeOfMoreThanOneThousandClosedCandlesInOrder() {
        // given
        fake = fake().start();
        BinanceRestClient client = client(fake, 5000, Duration.ofMinutes(1));
        List<List<Kline>> pages = new ArrayList<>();

        // when
        long delivered = client.closedKlines("BTCUSDT", T0 + 100 * MINUTE, T0 + 2600 * MINUTE, pages::add);

        // then
        assertThat(delivered).isEqualTo(2500);
        assertThat(pages).extracting(List::size).containsExactly(1000, 1000, 500);
        List<Long> times = pages.stream().flatMap(List::stream).map(Kline::openTime).toList();
        assertThat(times).containsExactlyElementsOf(LongStream.range(100, 2600).mapToObj(i -> T0 + i * MINUTE)
                .toList());
        Kline first = pages.get(0).get(0);
        assertThat(first.closed()).isTrue();
        assertThat(first.symbol()).isEqualTo("BTCUSDT");
        assertThat(first.interval()).isEqualTo("1m");
        assertThat(first.closeTime()).isEqualTo(T0 + 101 * MINUTE - 1);
        assertThat(first.open()).isEqualTo(btc.open(100));
        assertThat(first.high()).isEqualTo(btc.high(100));
        assertThat(first.low()).isEqualTo(btc.low(100));
        assertThat(first.close()).isEqualTo(btc.close(100));
        assertThat(first.volume()).isEqualTo(btc.volume(100));
        assertThat(client.requests()).isEqualTo(3);
        assertThat(client.usedWeight()).isEqualTo(6);
    }

    @Test
    void theCandleInProgressIsTheNewestOne() {
        // given
        fake = fake().start();

        // when / then
        assertThat(client(fake, 5000, Duration.ofMinutes(1)).currentOpenTime("BTCUSDT"))
                .hasValue(T0 + 4900 * MINUTE);
    }

    @Test
    void keepsUnderTheWeightBudgetByWaitingForTheNextWindowWithoutEverBeingRateLimited() {
        // given: Binance allows 10 requests a second; the client spends at most 8
        fake = fake().weightLimit(20, Duration.ofSeconds(1)).start();
        BinanceRestClient client = client(fake, 16, Duration.ofSeconds(1));

        // when: 20 pages of 100
        long started = System.nanoTime();
        for (int page = 0; page < 20; page++) {
            assertThat(client.klines("BTCUSDT", T0 + page * 100 * MINUTE, null, 100, true)).hasSize(100);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;

        // then
        assertThat(fake.stats().restTooManyRequests()).isZero();
        assertThat(fake.stats().restBans()).isZero();
        assertThat(client.weightWaits()).isPositive();
        assertThat(millis).as("20 requests at 8 a window span three windows").isGreaterThan(1000);
    }

    @Test
    void on429ItSendsNothingUntilRetryAfterHasPassedThenSucceeds() {
        // given
        fake = fake().start();
        fake.faults().failRestRequests(429, 1, Duration.ofSeconds(1));
        BinanceRestClient client = client(fake, 5000, Duration.ofMinutes(1));

        // when
        long started = System.nanoTime();
        List<Kline> klines = client.klines("BTCUSDT", T0, null, 10, true);
        long millis = (System.nanoTime() - started) / 1_000_000;

        // then: a request inside Retry-After would have been answered 418
        assertThat(klines).hasSize(10);
        assertThat(millis).isGreaterThanOrEqualTo(1000);
        assertThat(fake.stats().restTooManyRequests()).isEqualTo(1);
        assertThat(fake.stats().restBans()).isZero();
        assertThat(client.rateLimitedAnswers()).isEqualTo(1);
    }

    @Test
    void serverErrorsAreRetriedWithBackoff() {
        // given
        fake = fake().start();
        fake.faults().failRestRequests(503, 2, Duration.ZERO);
        BinanceRestClient client = client(fake, 5000, Duration.ofMinutes(1));

        // when
        List<Kline> klines = client.klines("BTCUSDT", T0, null, 10, true);

        // then
        assertThat(klines).hasSize(10);
        assertThat(fake.stats().restServerErrors()).isEqualTo(2);
        assertThat(client.requests()).isEqualTo(3);
    }

    @Test
    void badRequestsFailAtOnceWithBinancesCode() {
        // given
        fake = fake().start();
        BinanceRestClient client = client(fake, 5000, Duration.ofMinutes(1));

        // when / then
        assertThatThrownBy(() -> client.klines("NOPEUSDT", T0, null, 10, true))
                .isInstanceOfSatisfying(BinanceApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo(-1121);
                });
        assertThat(client.requests()).isEqualTo(1);
    }

    @Test
    void aBanLongerThanItWillWaitFailsAndNoFurtherRequestIsSentDuringIt() {
        // given
        fake = fake().start();
        fake.faults().failRestRequests(418, 1, Duration.ofMinutes(10));
        BinanceRestClient client = client(fake, 5000, Duration.ofMinutes(1));

        // when
        assertThatThrownBy(() -> client.klines("BTCUSDT", T0, null, 10, true))
                .isInstanceOfSatisfying(BinanceApiException.class, e -> assertThat(e.status()).isEqualTo(418));
        assertThatThrownBy(() -> client.klines("BTCUSDT", T0, null, 10, true))
                .isInstanceOf(BinanceApiException.class).hasMessageContaining("not sending");

        // then
        assertThat(fake.stats().restRequests()).isEqualTo(1);
        assertThat(fake.stats().restBans()).isEqualTo(1);
    }
}
