package org.commonground.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    /** RFC 6238 appendix B's SHA-1 key: the ASCII digits "1234567890" repeated to 20 bytes. */
    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238 appendix B, the SHA-1 rows (8-digit codes there; apps use the last 6 of the same value). */
    @ParameterizedTest
    @CsvSource({
            "59, 94287082",
            "1111111109, 07081804",
            "1111111111, 14050471",
            "1234567890, 89005924",
            "2000000000, 69279037",
            "20000000000, 65353130"})
    void rfc6238TestVectors(long unixTime, String expected) {
        long step = Totp.step(Instant.ofEpochSecond(unixTime));
        assertThat(Totp.code(RFC_KEY, step, 8)).isEqualTo(expected);
        assertThat(Totp.code(RFC_KEY, step)).isEqualTo(expected.substring(2));
    }

    @Test
    void acceptsOneStepEitherSideAndNoFurther() {
        Instant now = Instant.ofEpochSecond(1_111_111_111);
        long step = Totp.step(now);
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step - 1), now, 0)).hasValue(step - 1);
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step + 1), now, 0)).hasValue(step + 1);
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step - 2), now, 0)).isEmpty();
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step + 2), now, 0)).isEmpty();
    }

    @Test
    void refusesAStepAlreadyUsedOrEarlier() {
        Instant now = Instant.ofEpochSecond(1_111_111_111);
        long step = Totp.step(now);
        String code = Totp.code(RFC_KEY, step);
        assertThat(Totp.matchingStep(RFC_KEY, code, now, step - 1)).hasValue(step);
        assertThat(Totp.matchingStep(RFC_KEY, code, now, step)).isEmpty();
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step - 1), now, step)).isEmpty();
    }

    @Test
    void toleratesSpacesButNotOtherText() {
        Instant now = Instant.ofEpochSecond(59);
        assertThat(Totp.matchingStep(RFC_KEY, "287 082", now, 0)).hasValue(1);
        assertThat(Totp.matchingStep(RFC_KEY, "28708", now, 0)).isEmpty();
        assertThat(Totp.matchingStep(RFC_KEY, "abcdef", now, 0)).isEmpty();
        assertThat(Totp.matchingStep(RFC_KEY, null, now, 0)).isEmpty();
    }

    /** RFC 4648 section 10's base32 vectors, unpadded, and the way back. */
    @ParameterizedTest
    @CsvSource({"f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB", "foobar, MZXW6YTBOI"})
    void base32(String text, String encoded) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        assertThat(Totp.base32(bytes)).isEqualTo(encoded);
        assertThat(Totp.fromBase32(encoded.toLowerCase() + "==")).isEqualTo(bytes);
    }

    @Test
    void otpauthUriNamesIssuerAccountAndSecret() {
        assertThat(Totp.otpauthUri("Common Ground", "ann@example.org", "foobar".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("otpauth://totp/Common%20Ground:ann@example.org?secret=MZXW6YTBOI&issuer=Common%20Ground"
                        + "&algorithm=SHA1&digits=6&period=30");
    }
}
