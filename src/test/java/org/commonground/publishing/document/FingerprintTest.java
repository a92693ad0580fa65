package org.commonground.publishing.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class FingerprintTest {

    private static DocumentContent agreed(String body, String title) {
        return new DocumentContent("Proposal", title, "Bristol Progressives", List.of("Chloe Davies", "Liam O'Neill"), "Agreed 3 March 2027",
                80, body, List.of(new DocumentContent.ResultRow("GRN", 10, 7, 2, 1, "consents")), "Passed: every party consents.", List.of(), List.of(), "", false);
    }

    @Test
    void theSameContentGivesTheSameFingerprintAndAnyChangeAnother() {
        String body = "# Clean rivers\n\nNo more sewage in the Avon.\n";
        String fingerprint = Fingerprint.of(agreed(body, "Clean rivers"));
        assertThat(fingerprint).matches("[0-9a-f]{64}").isEqualTo(Fingerprint.of(agreed(body, "Clean rivers")));
        assertThat(Fingerprint.of(agreed(body.replace("Avon", "Frome"), "Clean rivers"))).isNotEqualTo(fingerprint);
        assertThat(Fingerprint.of(agreed(body, "Clean rivers!"))).isNotEqualTo(fingerprint);
        // A paragraph break moves words to another numbered line: a change too (a soft line break is not).
        assertThat(Fingerprint.of(agreed(body.replace("sewage in", "sewage\n\nin"), "Clean rivers"))).isNotEqualTo(fingerprint);
        assertThat(Fingerprint.of(new DocumentContent("Proposal", "Clean rivers", "Bristol Progressives", List.of("Chloe Davies", "Liam O'Neill"),
                "Agreed 3 March 2027", 80, body, List.of(new DocumentContent.ResultRow("GRN", 10, 6, 3, 1, "consents")),
                "Passed: every party consents.", List.of(), List.of(), "", false))).isNotEqualTo(fingerprint);
    }

    @Test
    void valuesCannotImitateOtherFields() {
        // A title holding a newline and a "group:" line must not read as the same canonical text as a real group.
        DocumentContent sneaky = new DocumentContent("Draft", "T\ngroup: G", "", List.of(), "", 80, "x", List.of(), "", List.of(), List.of(), "", true);
        DocumentContent honest = new DocumentContent("Draft", "T", "G", List.of(), "", 80, "x", List.of(), "", List.of(), List.of(), "", true);
        assertThat(Fingerprint.of(sneaky)).isNotEqualTo(Fingerprint.of(honest));
        assertThat(Fingerprint.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
