package org.commonground.election;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.commonground.election.map.HexJsonParser;
import org.commonground.election.map.HexLayout;
import org.junit.jupiter.api.Test;

/** The map shipped in the jar is a trimmed copy of Open Innovations' file: it must not drift from it, nor lose its notice. */
class BundledHexMapTest {

    @Test
    void theShippedMapHasEveryConstituencyOfTheSharedFileInTheSamePlace() throws Exception {
        HexLayout shared = HexJsonParser.parse(Files.readString(ElectionServiceTest.HEXES));
        HexLayout shipped = BundledHexMap.layout();
        assertThat(shipped.layout()).isEqualTo(shared.layout());
        assertThat(shipped.cells()).hasSize(650).containsExactlyInAnyOrderElementsOf(shared.cells());
    }

    @Test
    void theLicenceNoticeShipsBesideIt() throws Exception {
        try (InputStream in = BundledHexMap.class.getResourceAsStream(BundledHexMap.NOTICE)) {
            assertThat(in).isNotNull();
            String notice = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(notice).contains("MIT License", "Copyright (c) 2017- Open Innovations",
                    "The above copyright notice and this permission notice shall be included");
        }
    }
}
