package org.commonground.proposal.text;

import java.util.Optional;

/**
 * Replacing one range of a text: what merging an amendment does. It also moves other amendments' ranges onto the
 * new text, or says that they no longer apply because the merged change touched them. Pure.
 */
public record TextEdit(TextRange range, String replacement) {

    public String apply(String text) {
        if (range.end() > text.length()) {
            throw new IllegalArgumentException("The range " + range + " lies beyond the text (" + text.length() + " characters)");
        }
        return text.substring(0, range.start()) + replacement + text.substring(range.end());
    }

    /**
     * Where {@code other} (a range of the text before this edit) lies in the text after it: unchanged before the
     * edit, shifted after it, and empty when the two overlap, since then its original wording is gone.
     */
    public Optional<TextRange> rebase(TextRange other) {
        if (other.overlaps(range)) {
            return Optional.empty();
        }
        if (other.end() <= range.start()) {
            return Optional.of(other);
        }
        int shift = replacement.length() - (range.end() - range.start());
        return Optional.of(new TextRange(other.start() + shift, other.end() + shift));
    }
}
