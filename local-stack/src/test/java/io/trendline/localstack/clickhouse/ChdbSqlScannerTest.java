package io.trendline.localstack.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where statements end and inline data begins, as the front end has to find it before chDB sees the text. */
class ChdbSqlScannerTest {

    @Test
    void insertWithFormatSplitsAfterTheNewlineFollowingTheFormatName() {
        String text = "INSERT INTO db.t (a, format) FORMAT RowBinary\n\n\u0000data";

        SqlScanner.InsertSplit split = SqlScanner.splitInsert(text);

        assertThat(split.format()).isEqualTo("RowBinary");
        assertThat(text.substring(split.dataStart())).isEqualTo("\n\u0000data");
        assertThat(split.withInfile("/tmp/x")).isEqualTo(
                "INSERT INTO db.t (a, format) FROM INFILE '/tmp/x' COMPRESSION 'none'  FORMAT RowBinary");
    }

    @Test
    void insertIntoAnUnqualifiedTableWithAColumnListFindsItsFormat() {
        String text = "INSERT INTO t (a, b) FORMAT Native\n\u0001;x";

        SqlScanner.InsertSplit split = SqlScanner.splitInsert(text);

        assertThat(split.format()).isEqualTo("Native");
        assertThat(text.substring(split.dataStart())).isEqualTo("\u0001;x");
    }

    @Test
    void insertValuesKeepsItsSettingsAfterTheInfileClause() {
        String text = "insert into t SETTINGS async_insert = 0 values (1, 'FORMAT x'), (2, ')')";

        SqlScanner.InsertSplit split = SqlScanner.splitInsert(text);

        assertThat(split.format()).isEqualTo("Values");
        assertThat(text.substring(split.dataStart())).isEqualTo(" (1, 'FORMAT x'), (2, ')')");
        assertThat(split.withInfile("/tmp/o'k")).isEqualTo(
                "insert into t FROM INFILE '/tmp/o\\'k' COMPRESSION 'none' SETTINGS async_insert = 0 FORMAT Values");
    }

    @Test
    void insertsWithoutInlineDataAreLeftAlone() {
        assertThat(SqlScanner.splitInsert("INSERT INTO t SELECT * FROM s FORMAT CSV")).isNull();
        assertThat(SqlScanner.splitInsert("INSERT INTO t FROM INFILE 'f' FORMAT CSV")).isNull();
        assertThat(SqlScanner.splitInsert("SELECT 'INSERT INTO t VALUES'")).isNull();
    }

    @Test
    void outputFormatIsTheTopLevelFormatClauseOnly() {
        assertThat(SqlScanner.outputFormat("SELECT format('{}', 1) AS f FORMAT JSON SETTINGS max_threads = 1"))
                .isEqualTo("JSON");
        assertThat(SqlScanner.outputFormat("SELECT 'FORMAT CSV' -- FORMAT TSV\n")).isNull();
        assertThat(SqlScanner.outputFormat("SELECT * FROM (SELECT 1 FORMAT CSV)")).isNull();
    }

    @Test
    void statementKindSecondStatementsAndSetNamesAreRecognised() {
        assertThat(SqlScanner.firstKeyword("/* hi */ (select 1)")).isEqualTo("SELECT");
        assertThat(SqlScanner.hasSecondStatement("SELECT ';'; ")).isFalse();
        assertThat(SqlScanner.hasSecondStatement("SELECT 1; DROP TABLE t")).isTrue();
        assertThat(SqlScanner.setNames("SET max_threads = 1, param_x = 2, `log_comment` = 'a=b'"))
                .containsExactly("max_threads", "log_comment");
    }
}
