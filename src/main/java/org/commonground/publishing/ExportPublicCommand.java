package org.commonground.publishing;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code export-public --out DIR [--spring.datasource.url=...]}: the whole public site (documents, PDFs, the feed,
 * the index of fingerprints, and every public page they link) as static files for nginx or a CDN. The app is started
 * on this machine only, on a port of its own, and read the way a visitor reads it (see {@link PublicSiteExport}).
 */
public final class ExportPublicCommand {

    private static final String USAGE = "Usage: export-public --out DIR [--spring.datasource.url=URL]";

    private ExportPublicCommand() {
    }

    /** Returns the exit code: 0, or 2 after one line on {@code err}. */
    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        String dir = null;
        List<String> springArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--out") && i + 1 < args.length && dir == null) {
                dir = args[++i];
            } else if (arg.startsWith("--") && arg.contains("=")) {
                springArgs.add(arg);
            } else {
                err.println("export-public: unexpected \"" + arg + "\". " + USAGE);
                return 2;
            }
        }
        if (dir == null) {
            err.println("export-public: --out is missing. " + USAGE);
            return 2;
        }
        Path target = Path.of(dir);
        String unusable = unusable(target);
        if (unusable != null) {
            err.println("export-public: " + unusable);
            return 2;
        }
        springArgs.add("--logging.level.root=warn");
        springArgs.add("--server.port=0");
        springArgs.add("--server.address=127.0.0.1");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(application).run(springArgs.toArray(String[]::new))) {
            URI local = URI.create("http://127.0.0.1:" + app.getEnvironment().getRequiredProperty("local.server.port"));
            PublicSiteExport.Summary summary = PublicSiteExport.export(local, app.getBean(PublishingService.class).baseUrl(), target);
            out.println("Exported the public site to " + dir + ": " + summary.pages() + " pages, " + summary.files() + " files, "
                    + summary.bytes() + " bytes. Serve it as the README's \"A static copy of the public site\" shows.");
            return 0;
        } catch (PublicSiteExport.ExportFailedException e) {
            err.println("export-public: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("export-public: cannot write " + dir + " (" + e.getMessage() + ").");
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("export-public: interrupted.");
            return 2;
        }
    }

    /** Why the directory cannot take the export, or null: it must be new or empty, so no old file is left mixed in. */
    static String unusable(Path target) {
        if (!Files.exists(target)) {
            return null;
        }
        if (!Files.isDirectory(target)) {
            return target + " is a file; name a new or empty directory.";
        }
        try (Stream<Path> inside = Files.list(target)) {
            return inside.findAny().isPresent() ? target + " is not empty; name a new or empty directory." : null;
        } catch (IOException e) {
            return "cannot read " + target + ".";
        }
    }
}
