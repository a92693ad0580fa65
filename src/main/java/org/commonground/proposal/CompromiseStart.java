package org.commonground.proposal;

import java.util.List;

/**
 * Where a compromise's text starts: the current text with the chosen amendments applied, except those whose
 * passages collide with one applied before them (by number), which the author works in by hand.
 */
public record CompromiseStart(String text, List<Integer> applied, List<Integer> leftOut) {
}
