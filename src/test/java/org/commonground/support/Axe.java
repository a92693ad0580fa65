package org.commonground.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.microsoft.playwright.Page;

/**
 * axe-core, the accessibility checker, taken from the npm registry (the package is fetched once into target/ with
 * npm, which the frontend build needs anyway) and run inside a page. Only serious and critical violations count.
 */
public final class Axe {

    private static final String VERSION = "4.10.3";
    private static final Path SCRIPT = Path.of("target", "axe-core-" + VERSION, "package", "axe.min.js");

    private Axe() {
    }

    /** One line per serious or critical violation: rule, impact, and the first offending elements. */
    public static List<String> seriousViolations(Page page) throws Exception {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(script()));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate("""
                async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ') }))""");
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> v : violations) {
            lines.add(v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " — " + v.get("targets"));
        }
        return lines;
    }

    private static synchronized String script() throws Exception {
        if (!Files.isReadable(SCRIPT)) {
            Path dir = SCRIPT.getParent().getParent();
            Files.createDirectories(dir);
            run(dir, npm(), "pack", "--silent", "axe-core@" + VERSION);
            run(dir, "tar", "-xzf", "axe-core-" + VERSION + ".tgz");
        }
        return Files.readString(SCRIPT, StandardCharsets.UTF_8);
    }

    /** The npm of the Node that builds the frontend, or the one on the PATH. */
    private static String npm() {
        Path vaadinNode = Path.of(System.getProperty("user.home"), ".vaadin", "node-v24.17.0", "bin", "npm");
        return Files.isExecutable(vaadinNode) ? vaadinNode.toString() : "npm";
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("Could not fetch axe-core (" + String.join(" ", command) + "): " + out);
        }
    }
}
