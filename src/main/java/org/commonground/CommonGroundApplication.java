package org.commonground;

import java.time.Clock;
import java.util.Arrays;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.lumo.Lumo;
import org.commonground.backup.ExportGroupCommand;
import org.commonground.backup.RestoreGroupCommand;
import org.commonground.election.ImportResultsCommand;
import org.commonground.election.SeatsCommand;
import org.commonground.publishing.ExportPublicCommand;
import org.commonground.publishing.RenderCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@StyleSheet(Lumo.STYLESHEET)
// A static resource (frontend/, copied to META-INF/resources): Vaadin's pre-built bundles suffice, so no build needs Node.
@StyleSheet("styles/commonground.css")
@Push
public class CommonGroundApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        // The seats command needs neither the web server nor the database, so it runs before Spring starts.
        if (args.length > 0 && args[0].equals("seats")) {
            System.exit(SeatsCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        // Rendering a draft PDF needs neither the web server nor the database either.
        if (args.length > 0 && args[0].equals("render")) {
            System.exit(RenderCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        // An admin's import from the command line: the database without the web server.
        if (args.length > 0 && args[0].equals("import-results")) {
            System.exit(ImportResultsCommand.run(CommonGroundApplication.class, Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        // A group's record, restored into the database before the app serves anyone, or exported whole.
        if (args.length > 0 && args[0].equals("restore-group")) {
            System.exit(RestoreGroupCommand.run(CommonGroundApplication.class, Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("export-group")) {
            System.exit(ExportGroupCommand.run(CommonGroundApplication.class, Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        // The public site as static files, read from the app started on this machine only.
        if (args.length > 0 && args[0].equals("export-public")) {
            System.exit(ExportPublicCommand.run(CommonGroundApplication.class, Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication application = new SpringApplication(CommonGroundApplication.class);
        // "--demo" is the friendly spelling of the demo profile.
        if (Arrays.asList(args).contains("--demo")) {
            application.setAdditionalProfiles("demo");
            args = Arrays.stream(args).filter(a -> !a.equals("--demo")).toArray(String[]::new);
        }
        application.run(args);
    }

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
