package org.commonground.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's refusals, before any app starts; the export itself: {@link PublicSiteExportIT}. */
class ExportPublicCommandTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ExportPublicCommand.run(Object.class, args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String said() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void refusesWhatItCannotUseWithOneLineSayingWhy(@TempDir Path dir) throws Exception {
        assertThat(run()).isEqualTo(2);
        assertThat(said()).contains("--out is missing").contains("Usage: export-public --out DIR");
        err.reset();
        assertThat(run("--out", dir.toString(), "extra")).isEqualTo(2);
        assertThat(said()).contains("unexpected \"extra\"");
        err.reset();
        Files.writeString(dir.resolve("old.html"), "left from before");
        assertThat(run("--out", dir.toString())).isEqualTo(2);
        assertThat(said()).contains("is not empty; name a new or empty directory");
        err.reset();
        assertThat(run("--out", dir.resolve("old.html").toString())).isEqualTo(2);
        assertThat(said()).contains("is a file");
    }

    @Test
    void pagesBecomeDirectoriesWithAnIndexAndFilesKeepTheirNames() {
        assertThat(PublicSiteExport.fileFor("/p")).isEqualTo("p/index.html");
        assertThat(PublicSiteExport.fileFor("/p/seats/E14000530")).isEqualTo("p/seats/E14000530/index.html");
        assertThat(PublicSiteExport.fileFor("/p/clean-rivers.pdf")).isEqualTo("p/clean-rivers.pdf");
        assertThat(PublicSiteExport.fileFor("/p/assets/document.css")).isEqualTo("p/assets/document.css");
    }

    @Test
    void onlyPathsUnderPWithoutDotSegmentsAreCopied() {
        assertThat(PublicSiteExport.copied("/p/seats/E14001131")).isTrue();
        assertThat(PublicSiteExport.copied("/p/a..b.pdf")).isTrue();
        assertThat(PublicSiteExport.copied("/p/../etc/passwd")).isFalse();
        assertThat(PublicSiteExport.copied("/p/./x")).isFalse();
        assertThat(PublicSiteExport.copied("/p/..")).isFalse();
        assertThat(PublicSiteExport.copied("/login")).isFalse();
        assertThat(PublicSiteExport.copied("/p/a%2F..")).isFalse();
    }
}
