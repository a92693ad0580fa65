package org.commonground.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code restore-group --file FILE [--spring.datasource.url=...]}: restores a group record (the group page's
 * "Export record (JSON)", or {@code export-group}) into the app's database, which the app migrates first if it is
 * new. Run it before the app serves anyone: the database should be a new one, or one without this group. The
 * application starts on a random local port only because Vaadin's and its security's configuration need a web
 * context; nothing is served to anyone. No admin account is made from configuration first, so none can take an id
 * the record uses; the app makes or promotes it at its next start as usual.
 */
public final class RestoreGroupCommand {

    private static final String USAGE = "Usage: restore-group --file FILE [--spring.datasource.url=URL]";

    private RestoreGroupCommand() {
    }

    /** Returns the exit code: 0, or 2 after what is wrong on {@code err}. */
    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        String file = null;
        List<String> springArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--file") && i + 1 < args.length && file == null) {
                file = args[++i];
            } else if (arg.startsWith("--commonground.admin.")) {
                continue; // a restore never makes an admin: the app does, at its next start
            } else if (arg.startsWith("--") && arg.contains("=")) {
                springArgs.add(arg);
            } else {
                err.println("restore-group: unexpected \"" + arg + "\". " + USAGE);
                return 2;
            }
        }
        if (file == null) {
            err.println("restore-group: --file is missing. " + USAGE);
            return 2;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(Path.of(file));
        } catch (IOException | RuntimeException e) {
            err.println("restore-group: cannot read " + file + ".");
            return 2;
        }
        try {
            var record = GroupRestore.parse(bytes); // a wrong file is refused before anything starts
            springArgs.add("--logging.level.root=warn");
            springArgs.add("--server.port=0");
            springArgs.add("--server.address=127.0.0.1");
            springArgs.add("--commonground.admin.email=");
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(application).run(springArgs.toArray(String[]::new))) {
                out.println(app.getBean(GroupRestore.class).restore(record).summary());
                return 0;
            }
        } catch (RestoreRefusedException e) {
            err.println("restore-group: " + e.getMessage());
            return 2;
        }
    }
}
