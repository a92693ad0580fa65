package org.commonground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SmallRequestBodiesTest {

    /** A reader that hands out one character per call, as a socket may. */
    private static Reader trickling(String text) {
        return new StringReader(text) {
            @Override
            public int read(char[] into, int offset, int length) throws java.io.IOException {
                return super.read(into, offset, Math.min(1, length));
            }
        };
    }

    @Test
    void aMessageIsReadWholeHoweverTheConnectionSplitsIt() throws Exception {
        String message = "{\"csrfToken\":\"x\",\"rpc\":[{\"type\":\"event\",\"node\":7,\"event\":\"click\"}],\"syncId\":3}";

        assertThat(SmallRequestBodies.Handler.read(trickling(message), message.length())).isEqualTo(message);
    }

    @Test
    void aMessageOfManyByteCharactersEndsWhereItsTextEnds() throws Exception {
        // The declared length counts bytes: "Plaid Cymru’s" takes more bytes than characters.
        String message = "{\"value\":\"Plaid Cymru\u2019s view \u2014 agreed\"}";
        int bytes = message.getBytes(StandardCharsets.UTF_8).length;

        assertThat(bytes).isGreaterThan(message.length());
        assertThat(SmallRequestBodies.Handler.read(new StringReader(message), bytes)).isEqualTo(message);
    }

    @Test
    void noReaderIsNoMessage() throws Exception {
        assertThat(SmallRequestBodies.Handler.read(null, 10)).isNull();
    }
}
