package org.commonground.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The public seat pages' fixture: six real constituencies with invented figures (Bristol Central, Aldershot, Hove and
 * Portslade, Chorley with the Speaker, Weston-super-Mare, Ynys Môn), in the House of Commons Library's 2024 columns.
 */
public final class SampleSeats {

    private SampleSeats() {
    }

    public static String csv() {
        try (InputStream in = SampleSeats.class.getResourceAsStream("/elections/public-seats-sample.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes() {
        return csv().getBytes(StandardCharsets.UTF_8);
    }
}
