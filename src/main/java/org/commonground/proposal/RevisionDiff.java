package org.commonground.proposal;

import java.util.List;

import org.commonground.proposal.text.WordDiff.Segment;

public record RevisionDiff(Revision from, Revision to, List<Segment> title, List<Segment> summary, List<Segment> body) {
}
