package io.trendline.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendline.command.CommandSideApplication;
import io.trendline.ingestion.IngestionApplication;
import io.trendline.localstack.LocalStack;
import io.trendline.ml.MlApplication;
import io.trendline.query.QuerySideApplication;
import io.trendline.runner.BacktestRunnerApplication;
import io.trendline.saga.SagaCoordinatorApplication;
import io.trendline.web.WebUiApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Each deployable of the distributed mode starts from its own entry point with its own profile and answers its
 * health endpoint. Axon Server is switched off here (its wiring is tested in the platform module); each service gets
 * its own PostgreSQL schema, as its Flyway history holds only its own modules' migrations.
 */
class ServiceApplicationsTest {

    static Stream<Arguments> services() {
        return Stream.of(
                Arguments.of(CommandSideApplication.class, "command-side"),
                Arguments.of(QuerySideApplication.class, "query-side"),
                Arguments.of(SagaCoordinatorApplication.class, "saga-coordinator"),
                Arguments.of(IngestionApplication.class, "ingestion"),
                Arguments.of(MlApplication.class, "ml"),
                Arguments.of(BacktestRunnerApplication.class, "backtest-runner"),
                Arguments.of(WebUiApplication.class, "web-ui"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("services")
    void eachServiceStartsFromItsOwnEntryPointAndIsHealthy(Class<?> application, String profile) throws Exception {
        LocalStack stack = LocalStackForTests.get();
        String schema = "svc_" + profile.replace('-', '_').toLowerCase(Locale.ROOT);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .profiles(profile)
                // As arguments, since builder properties rank below the shared defaults file.
                .run("--server.port=0",
                        "--spring.datasource.url=" + stack.postgresJdbcUrl() + "?currentSchema=" + schema,
                        "--spring.datasource.username=" + stack.postgresUser(),
                        "--spring.datasource.password=" + stack.postgresPassword(),
                        "--spring.flyway.schemas=" + schema,
                        "--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrapServers(),
                        "--trendline.clickhouse.url=" + stack.clickhouseJdbcUrl(),
                        "--trendline.data-dir=" + stack.settings().dataDir().resolve(profile))) {
            String port = context.getEnvironment().getProperty("local.server.port");
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = new ObjectMapper().readTree(health.body());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(body.get("status").asText()).isEqualTo("UP");
            assertThat(context.getEnvironment().getProperty("spring.application.name"))
                    .isEqualTo("trendline-" + profile);
        }
    }
}
