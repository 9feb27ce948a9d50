package io.trendline.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class TrendlineDefaultsTest {

    private final SpringApplication application = new SpringApplication();

    @Test
    void theSharedDefaultsApplyWhereNothingElseSaysOtherwise() {
        StandardEnvironment environment = new StandardEnvironment();

        new TrendlineDefaults().postProcessEnvironment(environment, application);

        assertThat(environment.getProperty("axon.serializer.events")).isEqualTo("jackson");
        assertThat(environment.getProperty("axon.axonserver.enabled")).isEqualTo("false");
    }

    @Test
    void anApplicationsDefaultPropertiesWinOverTheSharedDefaults() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource("defaultProperties",
                Map.of("spring.datasource.url", "jdbc:postgresql://elsewhere/db")));

        new TrendlineDefaults().postProcessEnvironment(environment, application);

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://elsewhere/db");
        assertThat(environment.getProperty("axon.serializer.general")).isEqualTo("jackson");
        assertThat(environment.getPropertySources().stream().reduce((a, b) -> b).orElseThrow().getName())
                .isEqualTo("defaultProperties");
    }

    @Test
    void theEnvironmentWinsOverTheSharedDefaults() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("env",
                Map.of("TRENDLINE_POSTGRES_URL", "jdbc:postgresql://given/db")));

        new TrendlineDefaults().postProcessEnvironment(environment, application);

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://given/db");
    }
}
