package org.commonground.publishing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads back the fingerprint that {@link PdfRenderer} writes into a PDF's document information, from an uploaded
 * file anyone may send. The file is never given to a PDF parser (a crafted cross-reference table can make one loop
 * or allocate gigabytes): the entry is written as a plain literal string, so it is found by scanning the bytes.
 * The scan streams: it holds one buffer and the tail of the previous one, never the file.
 */
final class PdfFingerprint {

    /** Bounded whitespace, so an entry is never longer than the tail carried from one buffer to the next. */
    private static final Pattern ENTRY = Pattern.compile("/Fingerprint\\s{0,32}\\(([0-9a-f]{64})\\)");
    private static final int LONGEST_ENTRY = "/Fingerprint".length() + 32 + 1 + 64 + 1;
    private static final int BUFFER = 64 * 1024;
    private static final byte[] HEADER = "%PDF-".getBytes(StandardCharsets.ISO_8859_1);

    private PdfFingerprint() {
    }

    static final class UnreadablePdfException extends Exception {
        UnreadablePdfException(String message) {
            super(message);
        }
    }

    /** What one pass over a file finds: the SHA-256 of all its bytes, and the fingerprint it names, if any. */
    record Scan(String sha256, Optional<String> fingerprint) {
    }

    static Scan scan(InputStream file) throws IOException, UnreadablePdfException {
        MessageDigest sha256 = sha256();
        byte[] head = file.readNBytes(HEADER.length);
        if (!Arrays.equals(head, HEADER)) {
            throw new UnreadablePdfException("not a PDF");
        }
        sha256.update(head);
        String tail = "";
        String found = null;
        byte[] buffer = new byte[BUFFER];
        for (int n; (n = file.read(buffer)) >= 0; ) {
            sha256.update(buffer, 0, n);
            String window = tail + new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
            // An edited PDF may carry an earlier information dictionary as well as the latest: the last one counts.
            // A match wholly inside the tail was found before; finding it again changes nothing, as later ones follow it.
            Matcher m = ENTRY.matcher(window);
            while (m.find()) {
                found = m.group(1);
            }
            tail = window.substring(Math.max(0, window.length() - (LONGEST_ENTRY - 1)));
        }
        return new Scan(HexFormat.of().formatHex(sha256.digest()), Optional.ofNullable(found));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
