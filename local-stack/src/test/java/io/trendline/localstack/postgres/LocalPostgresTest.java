package io.trendline.localstack.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trendline.localstack.Ports;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPostgresTest {

    @TempDir
    static Path dir;

    private static LocalPostgres postgres;

    @BeforeAll
    static void start() {
        postgres = LocalPostgres.start(dir, 0);
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void writesAndReadsARowThroughTheJdbcDriver() throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE greeting (id int PRIMARY KEY, text varchar NOT NULL)");
            st.execute("INSERT INTO greeting VALUES (1, 'hello')");
            try (ResultSet rs = st.executeQuery("SELECT text, current_user, current_database() FROM greeting")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("hello");
                assertThat(rs.getString(2)).isEqualTo(LocalPostgres.USER);
                assertThat(rs.getString(3)).isEqualTo(LocalPostgres.DATABASE);
            }
        }
    }

    @Test
    void dataSurvivesCloseAndStartOnTheSameDirectory() throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE survivor (name varchar)");
            st.execute("INSERT INTO survivor VALUES ('still here')");
        }
        postgres.close();
        postgres = LocalPostgres.start(dir, 0);
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM survivor")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void secondStartOnARunningDirectoryInTheSameJvmIsRefused() {
        assertThatThrownBy(() -> LocalPostgres.start(dir, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already running in this JVM");
    }

    @Test
    void takenPortIsReportedWithThePortAndTheSettingThatChangesIt(@TempDir Path other) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> LocalPostgres.start(other, taken.getLocalPort()))
                    .isInstanceOf(Ports.PortInUseException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort())
                    .hasMessageContaining("trendline.postgres.port")
                    .hasMessageContaining("TRENDLINE_POSTGRES_PORT");
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
    }
}
