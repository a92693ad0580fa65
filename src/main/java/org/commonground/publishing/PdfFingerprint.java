package org.commonground.publishing;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads back the fingerprint that {@link PdfRenderer} writes into a PDF's document information, from an uploaded
 * file anyone may send. The file is never given to a PDF parser (a crafted cross-reference table can make one loop
 * or allocate gigabytes): the entry is written as a plain literal string, so it is found by scanning the bytes.
 */
final class PdfFingerprint {

    private static final Pattern ENTRY = Pattern.compile("/Fingerprint\\s*\\(([0-9a-f]{64})\\)");

    private PdfFingerprint() {
    }

    static final class UnreadablePdfException extends Exception {
        UnreadablePdfException(String message) {
            super(message);
        }
    }

    static Optional<String> read(byte[] pdf) throws UnreadablePdfException {
        String bytes = new String(pdf, StandardCharsets.ISO_8859_1);
        if (!bytes.startsWith("%PDF-")) {
            throw new UnreadablePdfException("not a PDF");
        }
        // An edited PDF may carry an earlier information dictionary as well as the latest: the last one counts.
        Matcher m = ENTRY.matcher(bytes);
        String found = null;
        while (m.find()) {
            found = m.group(1);
        }
        return Optional.ofNullable(found);
    }
}
