package org.commonground.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Service;

/**
 * Keeps the access tables complete: every public method of every service is called, on that service, in the tables
 * of this package, or is listed here with the reason it needs no row. A service method added later and never tried
 * fails this test. (It reads the tables' source: a call counts wherever it is written, and overloads count as one.)
 */
class AccessMatrixCoverageTest {

    /** Service methods the tables leave out, and why. */
    private static final Map<String, String> NOT_IN_THE_TABLES = Map.of(
            "GroupRestore.restore", "the restore-group command only: it runs with no member signed in, into an empty database",
            "Outbox.enqueue", "called by services after their own checks, in their transaction; it reads nothing back",
            "Outbox.enqueueAll", "as Outbox.enqueue",
            "PublishingService.content", "a published document is public: anyone may read it (PublicDocumentsWebTest)",
            "PublishingService.pdf", "a published document's PDF is public (PublicDocumentsWebTest)",
            "PublishingService.verifyPdf", "anyone may check a PDF against the published documents (PublicDocumentsWebTest)",
            "PublishingService.baseUrl", "configuration, not data",
            "PublishingService.verifyAddress", "configuration, not data",
            "MemberDetailsService.loadUserByUsername", "Spring Security's sign-in itself (SignInLimitTest, WebSecurityIT)");

    private static String tables() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/test/java/org/commonground/security"))) {
            return files.filter(f -> f.getFileName().toString().matches(".*(AccessMatrixTest|GuessedIdsTest|PublicAccessWebTest)\\.java"))
                    .map(f -> {
                        try {
                            return Files.readString(f);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).collect(Collectors.joining("\n"));
        }
    }

    private static TreeSet<String> serviceMethods() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Service.class));
        TreeSet<String> methods = new TreeSet<>();
        for (BeanDefinition service : scanner.findCandidateComponents("org.commonground")) {
            Class<?> type = Class.forName(service.getBeanClassName());
            for (Method m : type.getDeclaredMethods()) {
                // Static methods are pure helpers: they read and change none of the app's data.
                if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                    methods.add(type.getSimpleName() + "." + m.getName());
                }
            }
        }
        return methods;
    }

    @Test
    void everyServiceMethodIsTriedByTheAccessTablesOrSaysWhyNot() throws Exception {
        String tables = tables();
        TreeSet<String> methods = serviceMethods();
        assertThat(methods).as("the services found").contains("ProposalService.details", "BallotService.vote", "GroupExport.export");

        TreeSet<String> untried = new TreeSet<>();
        for (String method : methods) {
            String type = method.substring(0, method.indexOf('.'));
            String name = method.substring(method.indexOf('.') + 1);
            // Called on a variable of the service's own type, so another service's method of the same name does not count.
            Matcher declared = Pattern.compile("\\b" + type + "\\s+(\\w+)\\s*[;=,)]").matcher(tables);
            TreeSet<String> variables = new TreeSet<>();
            while (declared.find()) {
                variables.add(declared.group(1));
            }
            boolean called = !variables.isEmpty()
                    && Pattern.compile("\\b(" + String.join("|", variables) + ")\\." + name + "\\(").matcher(tables).find();
            if (!called && !NOT_IN_THE_TABLES.containsKey(method)) {
                untried.add(method);
            }
        }
        assertThat(untried).as("public service methods no access table tries: add rows, or say here why they need none").isEmpty();
        assertThat(methods).as("methods excused here that no longer exist").containsAll(NOT_IN_THE_TABLES.keySet());
    }
}
