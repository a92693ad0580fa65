package org.commonground.election;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.commonground.election.map.HexJsonParser;
import org.commonground.election.map.HexLayout;

/**
 * The hexagon layout of the 650 constituencies of the 2024 general election, shipped in the jar so that a fresh
 * install draws the map before any admin imports one. It is Open Innovations' layout under the MIT licence, whose
 * notice ({@link #NOTICE}) lies beside it. Read from the jar once.
 */
final class BundledHexMap {

    static final String RESOURCE = "/election/uk-constituencies-2024.hexjson";
    static final String NOTICE = "/election/LICENCE-hexmap.txt";
    /** The credit shown under the map; the licence asks for its notice, this says whose work it is. */
    static final String CREDIT = "Hexagon layout © Open Innovations, MIT licence";

    private static final HexLayout LAYOUT = load();

    private BundledHexMap() {
    }

    static HexLayout layout() {
        return LAYOUT;
    }

    private static HexLayout load() {
        try (InputStream in = BundledHexMap.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The jar lacks its constituency map " + RESOURCE + ".");
            }
            return HexJsonParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
