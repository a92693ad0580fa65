package org.commonground.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.commonground.publishing.document.DocumentContent;
import org.commonground.publishing.document.Fingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = RenderCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void rendersMarkdownAsADraftPdfAndPrintsItsFingerprint() throws Exception {
        Path markdown = dir.resolve("manifesto.md");
        String text = "# Maniffesto\n\nPleidleisiau teg i bawb: ŵ ŷ.\n\n- One\n- Two\n";
        Files.writeString(markdown, text);
        Path pdf = dir.resolve("out.pdf");
        Run run = run("--markdown", markdown.toString(), "--title", "Fair votes", "--out", pdf.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo(Fingerprint.of(DocumentContent.draft("Fair votes", text)));
        String content = PdfRendererTest.text(Files.readAllBytes(pdf));
        assertThat(content).contains("Maniffesto", "ŵ ŷ", "DRAFT – not agreed", run.out().strip());
    }

    @Test
    void badArgumentsOrFilesGiveOneLineAndStatusTwo() throws Exception {
        assertThat(run("--title", "x").err()).startsWith("render: --markdown is missing.");
        Run missing = run("--markdown", dir.resolve("none.md").toString(), "--title", "T", "--out", dir.resolve("o.pdf").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).startsWith("render: cannot read");
        Path latin1 = dir.resolve("latin1.md");
        Files.write(latin1, new byte[] {'c', 'a', 'f', (byte) 0xE9});
        assertThat(run("--markdown", latin1.toString(), "--title", "T", "--out", dir.resolve("o.pdf").toString()).err()).contains("not UTF-8");
        assertThat(Files.exists(dir.resolve("o.pdf"))).isFalse();
    }
}
