package org.commonground.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.commonground.publishing.document.Fingerprint;
import org.junit.jupiter.api.Test;

/** The streaming scan of an uploaded file: the same answers as reading it whole, wherever the buffers break. */
class PdfFingerprintTest {

    private static final String FIRST = "a".repeat(64);
    private static final String LAST = "b".repeat(64);

    /** A file of about {@code size} bytes with entries placed so that each offset in turn falls on a buffer's edge. */
    private static byte[] pdf(int padding, String... entries) {
        StringBuilder text = new StringBuilder("%PDF-1.7\n");
        for (String entry : entries) {
            text.append("x".repeat(padding)).append(entry);
        }
        return text.append("\n%%EOF\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A stream that hands out at most {@code chunk} bytes per read, as a socket or a slow disk may. */
    private static InputStream trickling(byte[] bytes, int chunk) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    @Test
    void findsTheLastEntryAndTheFileHashWhereverTheReadsBreak() throws Exception {
        for (int padding : new int[] {10, 65_536 - 30, 65_536 - 9, 65_536 + 40, 3 * 65_536 - 70}) {
            byte[] file = pdf(padding, "/Fingerprint (" + FIRST + ")", "/Fingerprint\n  (" + LAST + ")");
            for (int chunk : new int[] {7, 1000, 65_536}) {
                PdfFingerprint.Scan scan = PdfFingerprint.scan(trickling(file, chunk));
                assertThat(scan.fingerprint()).as("padding %d, reads of %d", padding, chunk).contains(LAST);
                assertThat(scan.sha256()).isEqualTo(Fingerprint.sha256(file));
            }
        }
    }

    @Test
    void aFileNamingNoFingerprintOrNotAPdfIsToldApart() throws Exception {
        assertThat(PdfFingerprint.scan(new ByteArrayInputStream(pdf(100_000))).fingerprint()).isEmpty();
        assertThat(PdfFingerprint.scan(new ByteArrayInputStream(pdf(5, "/Fingerprint (" + "A".repeat(64) + ")"))).fingerprint()).isEmpty();
        assertThatThrownBy(() -> PdfFingerprint.scan(new ByteArrayInputStream("%PD".getBytes())))
                .isInstanceOf(PdfFingerprint.UnreadablePdfException.class);
        assertThatThrownBy(() -> PdfFingerprint.scan(new ByteArrayInputStream("<html>%PDF-1.7".getBytes())))
                .isInstanceOf(PdfFingerprint.UnreadablePdfException.class);
    }
}
