package io.trendline.standalone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The modules talk through the messages in {@code io.trendline.api} only, so that each can run as its own service;
 * the backtest engine stays a plain library.
 */
class ModuleBoundariesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.trendline");
    }

    private static void noneOf(String module, String... others) {
        noClasses().that().resideInAPackage(module).should().dependOnClassesThat().resideInAnyPackage(others)
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void theApiDependsOnNoModule() {
        noneOf("io.trendline.api..", "io.trendline.command..", "io.trendline.query..", "io.trendline.saga..",
                "io.trendline.ingestion..", "io.trendline.ml..", "io.trendline.web..", "io.trendline.backtest..",
                "io.trendline.runner..", "io.trendline.platform..", "io.trendline.localstack..",
                "io.trendline.standalone..");
    }

    @Test
    void theCommandSideReachesNoOtherModule() {
        noneOf("io.trendline.command..", "io.trendline.query..", "io.trendline.saga..", "io.trendline.web..",
                "io.trendline.ingestion..", "io.trendline.ml..");
    }

    @Test
    void theQuerySideReachesNoOtherModule() {
        noneOf("io.trendline.query..", "io.trendline.command..", "io.trendline.saga..", "io.trendline.web..",
                "io.trendline.ingestion..", "io.trendline.ml..");
    }

    @Test
    void theEdgeReachesOtherModulesOnlyThroughMessages() {
        noneOf("io.trendline.web..", "io.trendline.command..", "io.trendline.query..", "io.trendline.saga..",
                "io.trendline.ingestion..", "io.trendline.ml..");
    }

    @Test
    void theSagaReachesOtherModulesOnlyThroughMessages() {
        noneOf("io.trendline.saga..", "io.trendline.command..", "io.trendline.query..", "io.trendline.web..");
    }

    @Test
    void theBacktestRunnerReachesOtherModulesOnlyThroughMessages() {
        noneOf("io.trendline.runner..", "io.trendline.command..", "io.trendline.query..", "io.trendline.saga..",
                "io.trendline.web..", "io.trendline.ingestion..", "io.trendline.ml..");
    }

    @Test
    void onlyTheRunnerRunsTheEngine() {
        noClasses().that().resideOutsideOfPackages("io.trendline.runner..", "io.trendline.backtest..")
                .should().dependOnClassesThat().resideInAPackage("io.trendline.backtest..")
                .check(classes);
    }

    @Test
    void theBacktestEngineUsesNoFramework() {
        noneOf("io.trendline.backtest.engine..", "org.springframework..", "org.axonframework..");
    }

    @Test
    void noModuleButTheLaunchersStartsTheLocalEngines() {
        noClasses().that().resideOutsideOfPackages("io.trendline.standalone..", "io.trendline.localstack..")
                .should().dependOnClassesThat().resideInAPackage("io.trendline.localstack..")
                .check(classes);
    }
}
