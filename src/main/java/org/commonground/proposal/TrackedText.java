package org.commonground.proposal;

import java.util.List;

import org.commonground.proposal.text.TrackedChanges.Collision;

/**
 * Revision {@code revision}'s numbered text with every pending amendment inline as tracked changes.
 *
 * @param html       the numbered text, everything members wrote escaped
 * @param collisions the passages shown as notes because they overlap an amendment shown inline
 */
public record TrackedText(int revision, String html, List<PendingAmendment> amendments, List<Collision> collisions) {
}
