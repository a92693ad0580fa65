package org.commonground.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.theme.Theme;
import org.springframework.stereotype.Repository;

@AnalyzeClasses(packages = "org.commonground", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Views go through services, which check permissions; a view reaching a repository would skip them. */
    @ArchTest
    static final ArchRule viewsDoNotTouchRepositoriesOrSql = noClasses()
            .that().areAssignableTo(com.vaadin.flow.component.Component.class)
            .should().dependOnClassesThat().areAnnotatedWith(Repository.class)
            .orShould().dependOnClassesThat().resideInAnyPackage("org.jooq..", "org.commonground.jooq..");

    /** Pure rules are plain Java, fast to test and reusable from the command line (character sets are not I/O). */
    @ArchTest
    static final ArchRule pureRulesHaveNoFrameworkOrIo = noClasses()
            .that().haveSimpleNameEndingWith("Rules").or().haveSimpleNameEndingWith("Parser")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.jooq..", "com.vaadin..",
                    "java.io..", "java.nio.file..", "java.nio.channels..", "java.sql..", "java.net..");

    /**
     * Line numbering, diffs, text edits, decision rules, results parsing, seat analysis, the hexagon map and pact
     * terms are shared by the screen, the public page, the PDF and the command line.
     */
    @ArchTest
    static final ArchRule textLogicIsPure = noClasses()
            .that().resideInAnyPackage("org.commonground.proposal.text..", "org.commonground.ballot.rules..",
                    "org.commonground.election.results..", "org.commonground.election.map..", "org.commonground.pact.terms..",
                    "org.commonground.publishing.document..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.jooq..", "com.vaadin..",
                    "java.io..", "java.nio.file..", "java.nio.channels..", "java.sql..", "java.net..", "org.commonground.jooq..");

    /** Features depend on the shared pieces, not on one another's views. */
    @ArchTest
    static final ArchRule servicesDoNotDependOnViews = noClasses()
            .that().haveSimpleNameEndingWith("Service").or().haveSimpleNameEndingWith("Repository")
            .should().dependOnClassesThat().areAssignableTo(com.vaadin.flow.component.Component.class);

    /**
     * Features depend on one another in one direction: what two of them share (comments, live views) gets a package
     * of its own. Each package is a slice, so a pure core such as {@code proposal.text} is shared without its feature.
     */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().assignedFrom(new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            // jOOQ's generated classes refer to one another across their packages, as the generator makes them.
            return !name.startsWith("org.commonground") || name.startsWith("org.commonground.jooq") ? SliceIdentifier.ignore()
                    : SliceIdentifier.of(name.substring("org.commonground".length()));
        }

        @Override
        public String getDescription() {
            return "each package of the app's own code";
        }
    }).should().beFreeOfCycles();

    /**
     * Vaadin's pre-built bundles serve the app only while it asks for no frontend module of its own; one of these
     * would make every build and {@code spring-boot:run} need Node.js (README, Requirements). Styles go in
     * {@code frontend/styles/commonground.css}, a static resource loaded by {@code @StyleSheet}.
     */
    @ArchTest
    static final ArchRule noFrontendModulesThatNeedNode = noClasses()
            .should().beAnnotatedWith(CssImport.class).orShould().beAnnotatedWith(CssImport.Container.class)
            .orShould().beAnnotatedWith(JsModule.class).orShould().beAnnotatedWith(JsModule.Container.class)
            .orShould().beAnnotatedWith(NpmPackage.class).orShould().beAnnotatedWith(NpmPackage.Container.class)
            .orShould().beAnnotatedWith(JavaScript.class).orShould().beAnnotatedWith(JavaScript.Container.class)
            .orShould().beAnnotatedWith(Theme.class);
}
