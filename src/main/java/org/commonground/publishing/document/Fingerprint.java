package org.commonground.publishing.document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.commonground.proposal.text.LineNumbering;
import org.commonground.proposal.text.NumberedLine;
import org.commonground.proposal.text.WordDiff;

/**
 * The SHA-256 fingerprint of a document's canonical form: a versioned, line-oriented text of every fact the
 * document states, with the body as its numbered lines, so the same content always gives the same fingerprint
 * however it is rendered, and any change to a word, a number or a line break gives another. Pure.
 */
public final class Fingerprint {

    private static final String VERSION = "common-ground-document 1";

    private Fingerprint() {
    }

    public static String of(DocumentContent content) {
        return sha256(canonical(content));
    }

    /** The canonical form: one "key: value" per line, values with backslash, newline and tab escaped. */
    public static String canonical(DocumentContent c) {
        StringBuilder text = new StringBuilder(c.body().length() + 512).append(VERSION).append('\n');
        field(text, "kind", c.kind());
        field(text, "title", c.title());
        field(text, "group", c.group());
        for (String author : c.authors()) {
            field(text, "author", author);
        }
        field(text, "dates", c.dates());
        field(text, "draft", String.valueOf(c.draft()));
        field(text, "line-width", String.valueOf(c.lineWidth()));
        List<NumberedLine> lines = LineNumbering.number(c.body(), c.lineWidth());
        for (NumberedLine line : lines) {
            field(text, "line " + line.number(), line.kind() + " " + line.level() + " " + line.block() + " "
                    + (line.marker().isEmpty() ? "" : line.marker() + " ") + line.text());
        }
        for (DocumentContent.ResultRow r : c.results()) {
            field(text, "result " + r.party(), r.electorate() + " " + r.forVotes() + " " + r.against() + " " + r.abstain() + " " + r.verdict());
        }
        field(text, "decision", c.decision());
        for (DocumentContent.TermsRow t : c.terms()) {
            field(text, "terms", t.onsCode());
            field(text, "terms constituency", t.constituency());
            field(text, "terms candidate", t.candidate());
            field(text, "terms others", t.others());
        }
        for (DocumentContent.Signature s : c.signatures()) {
            field(text, "signature", s.party());
            field(text, "signature method", s.method());
            field(text, "signature by", s.by());
            field(text, "signature date", s.date());
        }
        field(text, "correction", c.correction());
        // Only a booklet has amendments: every other document's canonical form is as it always was.
        for (DocumentContent.AmendmentEntry a : c.amendments()) {
            field(text, "amendment", a.citation());
            field(text, "amendment proposer", a.proposer());
            field(text, "amendment status", a.status());
            field(text, "amendment reason", a.reason());
            for (DocumentContent.PassageDiff p : a.passages()) {
                field(text, "amendment passage", p.lines());
                for (WordDiff.Segment s : p.diff()) {
                    field(text, "amendment " + s.kind().name().toLowerCase(java.util.Locale.ROOT), s.text());
                }
            }
        }
        return text.toString();
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static void field(StringBuilder text, String key, String value) {
        text.append(key).append(": ").append(value == null ? "" : value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")).append('\n');
    }
}
