package org.commonground.pact;

import java.time.OffsetDateTime;

/** One group with a part in a pact; who accepted (for a joined group) and when. */
public record PactGroup(long groupId, String name, PactGroupPart part, String acceptedBy, OffsetDateTime acceptedAt) {
}
