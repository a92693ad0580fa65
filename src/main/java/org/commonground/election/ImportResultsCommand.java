package org.commonground.election;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.commonground.security.CurrentMember;
import org.commonground.security.SignedInMember;
import org.commonground.shared.InvalidInputException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * {@code import-results --election CODE --name NAME --file FILE --admin EMAIL [--spring.datasource.url=...]}:
 * imports a results file into the app's database through the same service as the upload (same checks, one
 * transaction), recorded in the audit trail as the named admin's action. The application starts on a random local
 * port only because Vaadin's and its security's configuration need a web context; nothing is served to anyone.
 */
public final class ImportResultsCommand {

    private static final String USAGE = "Usage: import-results --election CODE --name NAME --file FILE --admin EMAIL [--spring.datasource.url=URL]";

    private ImportResultsCommand() {
    }

    /** Returns the exit code: 0, or 2 after one line on {@code err}. */
    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> springArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (List.of("--election", "--name", "--file", "--admin").contains(arg) && i + 1 < args.length) {
                options.put(arg, args[++i]);
            } else if (arg.startsWith("--") && arg.contains("=")) {
                springArgs.add(arg);
            } else {
                err.println("import-results: unexpected \"" + arg + "\". " + USAGE);
                return 2;
            }
        }
        for (String required : List.of("--election", "--name", "--file", "--admin")) {
            if (!options.containsKey(required)) {
                err.println("import-results: " + required + " is missing. " + USAGE);
                return 2;
            }
        }
        byte[] file;
        try {
            Path path = Path.of(options.get("--file"));
            if (Files.size(path) > ElectionService.MAX_FILE_BYTES) {
                err.println("import-results: " + path + " is larger than 10 MB; results files are far smaller. Is it the right file?");
                return 2;
            }
            file = Files.readAllBytes(path);
        } catch (IOException e) {
            err.println("import-results: cannot read " + options.get("--file") + ".");
            return 2;
        }
        springArgs.add("--logging.level.root=warn");
        springArgs.add("--server.port=0");
        springArgs.add("--server.address=127.0.0.1");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(application)
                .run(springArgs.toArray(String[]::new))) {
            SignedInMember admin = ((SignedInMember) app.getBean(UserDetailsService.class).loadUserByUsername(options.get("--admin"))).withoutPassword();
            CurrentMember.actOnTheCommandLine(admin);
            var imported = app.getBean(ElectionService.class).importResults(options.get("--election"), options.get("--name"), file, percent -> { });
            out.println("Imported " + imported.constituencies() + " constituencies for " + imported.name() + " (" + imported.code() + ").");
            return 0;
        } catch (InvalidInputException | AccessDeniedException e) {
            err.println("import-results: " + e.getMessage());
            return 2;
        } catch (UsernameNotFoundException e) {
            err.println("import-results: there is no account " + options.get("--admin") + ".");
            return 2;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
