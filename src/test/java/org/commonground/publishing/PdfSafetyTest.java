package org.commonground.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Rendering never touches the network or the file system for anything a document names. */
class PdfSafetyTest {

    @Test
    void imagesAndStylesheetsPointingAtALocalPortOrAFileAreNeverFetched() throws Exception {
        Path secret = Files.createTempFile("secret", ".css");
        Files.writeString(secret, "body { color: red; }");
        try (ServerSocket listener = new ServerSocket(0)) {
            int port = listener.getLocalPort();
            AtomicInteger connections = new AtomicInteger();
            Thread watcher = Thread.startVirtualThread(() -> {
                try {
                    listener.setSoTimeout(200);
                    while (!Thread.currentThread().isInterrupted()) {
                        try {
                            listener.accept().close();
                            connections.incrementAndGet();
                        } catch (SocketTimeoutException quiet) {
                            // keep listening until the test ends
                        }
                    }
                } catch (Exception closed) {
                    // the test is over
                }
            });
            String xhtml = """
                    <html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title>
                    <link rel="stylesheet" type="text/css" href="http://127.0.0.1:%1$d/style.css"/>
                    <link rel="stylesheet" type="text/css" href="%2$s"/>
                    <style>@import url("http://127.0.0.1:%1$d/imported.css");</style>
                    </head><body>
                    <img src="http://127.0.0.1:%1$d/pixel.png"/>
                    <img src="https://127.0.0.1:%1$d/pixel.png"/>
                    <img src="file:///etc/passwd"/>
                    <img src="jar:file:///etc/passwd!/x.png"/>
                    <img src="../../../../etc/passwd"/>
                    <p>Hello</p></body></html>
                    """.formatted(port, secret.toUri());
            PdfRenderer.Rendered rendered = new PdfRenderer().render(xhtml, "en");
            Thread.sleep(300);
            watcher.interrupt();

            assertThat(connections).hasValue(0);
            assertThat(rendered.pdf()).isNotEmpty();
            assertThat(rendered.refused()).contains("http://127.0.0.1:" + port + "/style.css", secret.toUri().toString(),
                    "http://127.0.0.1:" + port + "/pixel.png", "file:///etc/passwd", "jar:file:///etc/passwd!/x.png");
        }
    }

    @Test
    void entityExpansionAndDoctypesAreRefusedQuickly() {
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        laughs.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
        for (int i = 2; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        laughs.append("]>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>&lol9;</p></body></html>");
        long start = System.nanoTime();
        assertThatThrownBy(() -> new PdfRenderer().render(laughs.toString(), "en")).isInstanceOf(PdfRenderer.UnsafeDocumentException.class);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000);

        String external = "<?xml version=\"1.0\"?><!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>&x;</p></body></html>";
        assertThatThrownBy(() -> new PdfRenderer().render(external, "en")).isInstanceOf(PdfRenderer.UnsafeDocumentException.class);
    }
}
