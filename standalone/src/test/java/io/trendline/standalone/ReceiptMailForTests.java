package io.trendline.standalone;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** A real SMTP server (GreenMail) in the test JVM, on a free port, as the platform's receipt mail server. */
final class ReceiptMailForTests {

    private static GreenMail mail;

    private ReceiptMailForTests() {
    }

    static synchronized GreenMail get() {
        if (mail == null) {
            mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            mail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(mail::stop, "greenmail-shutdown"));
        }
        return mail;
    }

    /** Points the platform's SMTP settings at the server; part of {@link StandaloneTest}. */
    static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-smtp", Map.of(
                    "trendline.smtp.host", "127.0.0.1",
                    "trendline.smtp.port", get().getSmtp().getPort())));
        }
    }
}
