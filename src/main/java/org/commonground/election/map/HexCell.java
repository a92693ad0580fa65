package org.commonground.election.map;

/** One constituency's hexagon: column {@code q} and row {@code r} in the map's offset layout. */
public record HexCell(String onsCode, String name, int q, int r) {
}
