package io.trendline.standalone;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole platform on the test JVM's local stack, with one set of properties for every test class so that they
 * share one application context: cheap BCrypt, forwarded addresses trusted from loopback (so tests can act from
 * several client addresses), a bootstrap administrator, and rate limits that only the rate-limit tests reach.
 * Spring Boot's tests switch metric export off unless asked; the Prometheus endpoint is part of what is tested.
 * Purchases: a GreenMail SMTP server for receipts, quick simulated-processor timings and an 8 s payment deadline: a
 * fast card answers in milliseconds, so only a machine stalled for seconds would see an approved card time out.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@AutoConfigureObservability
@ContextConfiguration(initializers = {LocalStackForTests.Initializer.class, ReceiptMailForTests.Initializer.class})
@SpringBootTest(classes = TrendlineStandaloneApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
                "trendline.snapshots.strategy=3",
                "trendline.security.bcrypt-strength=4",
                "server.forward-headers-strategy=native",
                "trendline.security.admin.email=" + StandaloneTest.ADMIN_EMAIL,
                "trendline.security.admin.password=" + StandaloneTest.ADMIN_PASSWORD,
                "trendline.security.rate-limits.per-user=" + StandaloneTest.PER_USER_LIMIT,
                "trendline.security.rate-limits.per-address=100000",
                "trendline.security.rate-limits.auth-per-address=" + StandaloneTest.AUTH_PER_ADDRESS_LIMIT,
                "trendline.backtest.limits.free.runs-per-day=" + StandaloneTest.FREE_RUNS_PER_DAY,
                "trendline.purchase.payment-timeout=8s",
                "trendline.payment.latency=10ms",
                "trendline.payment.slow-latency=1500ms",
                "trendline.payment.no-answer-wait=2s",
                "trendline.dead-letters.retry-every=2s"})
@interface StandaloneTest {

    String ADMIN_EMAIL = "admin@example.test";
    String ADMIN_PASSWORD = "bootstrap-Admin-Passphrase-7f3c9e";
    int PER_USER_LIMIT = 300;
    int AUTH_PER_ADDRESS_LIMIT = 10;
    int FREE_RUNS_PER_DAY = 5;
}
