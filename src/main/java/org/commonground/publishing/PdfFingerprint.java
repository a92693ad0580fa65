package org.commonground.publishing;

import java.io.IOException;
import java.util.Optional;

import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.RandomAccessFileOrArray;

/** Reads back the fingerprint that {@link PdfRenderer} writes into a PDF's document information. */
final class PdfFingerprint {

    private PdfFingerprint() {
    }

    static final class UnreadablePdfException extends Exception {
        UnreadablePdfException(Throwable cause) {
            super(cause);
        }
    }

    static Optional<String> read(byte[] pdf) throws UnreadablePdfException {
        // Partial reading: only the objects asked for are parsed, so a hostile upload cannot make it inflate every stream.
        try (PdfReader reader = new PdfReader(new RandomAccessFileOrArray(pdf), null)) {
            PdfObject info = PdfReader.getPdfObject(reader.getTrailer().get(org.openpdf.text.pdf.PdfName.INFO));
            if (info instanceof PdfDictionary dictionary && dictionary.get(PdfRenderer.FINGERPRINT) instanceof PdfString value) {
                String fingerprint = value.toUnicodeString().strip().toLowerCase();
                return fingerprint.matches("[0-9a-f]{64}") ? Optional.of(fingerprint) : Optional.empty();
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // A file that is not a PDF, or a broken one: OpenPDF reports both ways.
            throw new UnreadablePdfException(e);
        }
    }
}
