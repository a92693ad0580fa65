package org.commonground.election.map;

import java.util.List;

/** A HexJSON map: its offset layout ("odd-r", ...) and its cells. */
public record HexLayout(String layout, List<HexCell> cells) {

    public HexLayout {
        cells = List.copyOf(cells);
    }
}
