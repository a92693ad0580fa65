package org.commonground.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/** Debian's Chromium, the one system package the tests need, driven by Playwright, which never downloads a browser. */
public final class Chromium {

    static final Path DEBIANS = Path.of("/usr/bin/chromium");

    private Chromium() {
    }

    /** Playwright without its browser download. */
    public static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    /** A headless Debian Chromium; missing, it fails with one line saying how to install it, so no test is skipped. */
    public static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(require(DEBIANS)).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")));
    }

    static Path require(Path executable) {
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("The browser tests need Debian's Chromium at " + executable
                    + ": install it with sudo apt-get install chromium");
        }
        return executable;
    }
}
