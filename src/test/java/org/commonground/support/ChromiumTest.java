package org.commonground.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Without Debian's Chromium the browser tests fail with one line saying how to install it; they are never skipped. */
class ChromiumTest {

    @Test
    void aMissingChromiumFailsWithHowToInstallIt() {
        assertThatThrownBy(() -> Chromium.require(Path.of("/nonexistent/chromium")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The browser tests need Debian's Chromium at /nonexistent/chromium: install it with sudo apt-get install chromium");
    }

    @Test
    void theBrowserTestsUseDebiansChromium() {
        assertThat(Chromium.require(Chromium.DEBIANS)).isEqualTo(Path.of("/usr/bin/chromium"));
    }
}
