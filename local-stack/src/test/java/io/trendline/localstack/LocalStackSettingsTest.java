package io.trendline.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class LocalStackSettingsTest {

    @Test
    void withNothingSetEverythingIsLocalOnTheDefaultPortsUnderDotTrendline() {
        LocalStackSettings s = LocalStackSettings.from(Map.of(), new Properties());

        assertThat(s).isEqualTo(LocalStackSettings.defaults());
        assertThat(s.postgresDir()).isEqualTo(Path.of(".trendline/data/postgres"));
        assertThat(s.kafkaDir()).isEqualTo(Path.of(".trendline/data/kafka"));
        assertThat(s.clickhouseDir()).isEqualTo(Path.of(".trendline/data/clickhouse"));
        assertThat(s.postgresUrl()).isNull();
        assertThat(s.kafkaBootstrapServers()).isNull();
        assertThat(s.clickhouseUrl()).isNull();
    }

    @Test
    void environmentVariablesAreReadAndSystemPropertiesWinOverThem() {
        Map<String, String> env = Map.of(
                "TRENDLINE_DATA_DIR", "/var/lib/trendline",
                "TRENDLINE_POSTGRES_PORT", "6543",
                "TRENDLINE_KAFKA_BOOTSTRAP_SERVERS", "from-env:9092",
                "TRENDLINE_KAFKA_CONTROLLER_PORT", "0");
        Properties props = new Properties();
        props.setProperty("trendline.kafka.bootstrap-servers", "from-property:9092");
        props.setProperty("trendline.clickhouse.url", "  ");

        LocalStackSettings s = LocalStackSettings.from(env, props);

        assertThat(s.dataDir()).isEqualTo(Path.of("/var/lib/trendline"));
        assertThat(s.postgresPort()).isEqualTo(6543);
        assertThat(s.kafkaBootstrapServers()).isEqualTo("from-property:9092");
        assertThat(s.kafkaControllerPort()).isZero();
        assertThat(s.clickhouseUrl()).isNull();
    }

    @Test
    void aPortThatIsNotANumberIsReportedWithItsSetting() {
        assertThatThrownBy(() -> LocalStackSettings.from(Map.of("TRENDLINE_KAFKA_PORT", "nine"), new Properties()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trendline.kafka.port")
                .hasMessageContaining("TRENDLINE_KAFKA_PORT")
                .hasMessageContaining("nine");
    }
}
