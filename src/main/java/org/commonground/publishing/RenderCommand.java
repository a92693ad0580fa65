package org.commonground.publishing;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.commonground.publishing.document.DocumentContent;
import org.commonground.publishing.document.DocumentXhtml;
import org.commonground.publishing.document.Fingerprint;

/**
 * {@code render --markdown FILE --title TITLE --out FILE.pdf}: renders Markdown as a draft document through the same
 * template and renderer as published documents, without the web server or a database, and prints its fingerprint.
 */
public final class RenderCommand {

    private static final String USAGE = "Usage: render --markdown FILE --title TITLE --out FILE.pdf";
    private static final long MAX_MARKDOWN_BYTES = 2L * 1024 * 1024;

    private RenderCommand() {
    }

    /** Returns the exit code: 0 after printing the fingerprint, or 2 after one line on {@code err}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (List.of("--markdown", "--title", "--out").contains(args[i]) && i + 1 < args.length && !options.containsKey(args[i])) {
                options.put(args[i], args[++i]);
            } else {
                err.println("render: unexpected \"" + args[i] + "\". " + USAGE);
                return 2;
            }
        }
        for (String required : List.of("--markdown", "--title", "--out")) {
            if (!options.containsKey(required)) {
                err.println("render: " + required + " is missing. " + USAGE);
                return 2;
            }
        }
        String title = options.get("--title").strip();
        if (title.isEmpty() || title.length() > 200) {
            err.println("render: the title must be 1 to 200 characters.");
            return 2;
        }
        Path source = Path.of(options.get("--markdown"));
        String markdown;
        try {
            if (Files.size(source) > MAX_MARKDOWN_BYTES) {
                err.println("render: " + source + " is larger than 2 MB.");
                return 2;
            }
            markdown = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(source))).toString();
        } catch (CharacterCodingException e) {
            err.println("render: " + source + " is not UTF-8 text.");
            return 2;
        } catch (IOException e) {
            err.println("render: cannot read " + source + ".");
            return 2;
        }
        DocumentContent draft = DocumentContent.draft(title, markdown);
        String fingerprint = Fingerprint.of(draft);
        byte[] pdf = new PdfRenderer().render(DocumentXhtml.render(draft, fingerprint, null), "en").pdf();
        try {
            Files.write(Path.of(options.get("--out")), pdf);
        } catch (IOException e) {
            err.println("render: cannot write " + options.get("--out") + ".");
            return 2;
        }
        out.println(fingerprint);
        return 0;
    }
}
