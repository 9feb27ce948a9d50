package io.trendline.backtest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine library uses the JDK only: no framework, no logging, no other Trendline module. */
class FrameworkFreeTest {

    @Test
    void theLibraryDependsOnTheJdkAndItselfOnly() {
        classes().that().resideInAPackage("io.trendline.backtest..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "io.trendline.backtest..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                        .importPackages("io.trendline.backtest"));
    }
}
