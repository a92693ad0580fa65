package org.commonground.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.commonground.shared.InvalidInputException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code export-group --group ID --out FILE [--spring.datasource.url=...]}: the complete record of a group, for whoever
 * runs the server: with every party's caucus comments and who cast which secret vote, which no member's export holds.
 * Keep the file as safe as a database backup. The export is recorded in the group's audit trail.
 */
public final class ExportGroupCommand {

    private static final String USAGE = "Usage: export-group --group ID --out FILE [--spring.datasource.url=URL]";

    private ExportGroupCommand() {
    }

    /** Returns the exit code: 0, or 2 after one line on {@code err}. */
    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        String group = null;
        String file = null;
        List<String> springArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--group") && i + 1 < args.length) {
                group = args[++i];
            } else if (arg.equals("--out") && i + 1 < args.length) {
                file = args[++i];
            } else if (arg.startsWith("--") && arg.contains("=")) {
                springArgs.add(arg);
            } else {
                err.println("export-group: unexpected \"" + arg + "\". " + USAGE);
                return 2;
            }
        }
        if (group == null || file == null) {
            err.println("export-group: " + (group == null ? "--group" : "--out") + " is missing. " + USAGE);
            return 2;
        }
        long groupId;
        try {
            groupId = Long.parseLong(group);
        } catch (NumberFormatException e) {
            err.println("export-group: --group takes the group's number, as in its address (groups/12).");
            return 2;
        }
        Path target = Path.of(file);
        if (Files.exists(target)) {
            err.println("export-group: " + file + " exists already; name a new file.");
            return 2;
        }
        springArgs.add("--logging.level.root=warn");
        springArgs.add("--server.port=0");
        springArgs.add("--server.address=127.0.0.1");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(application).run(springArgs.toArray(String[]::new))) {
            GroupExport.Export export = app.getBean(GroupExport.class).exportComplete(groupId);
            Files.write(target, export.json());
            out.println("Exported the complete record of group " + groupId + " to " + file + " (" + export.json().length
                    + " bytes), with every party's caucus comments and who cast which secret vote: keep it as safe as a database backup.");
            return 0;
        } catch (InvalidInputException e) {
            err.println("export-group: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("export-group: cannot write " + file + ".");
            return 2;
        }
    }
}
