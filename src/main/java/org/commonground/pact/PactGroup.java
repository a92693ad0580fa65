package org.commonground.pact;

import java.time.OffsetDateTime;

/**
 * One group with a part in a pact; who accepted (for a joined group) and when.
 *
 * @param convenedByReader the member reading convenes this group: they answer its invitation, or take it out
 */
public record PactGroup(long groupId, String name, PactGroupPart part, String acceptedBy, OffsetDateTime acceptedAt, boolean convenedByReader) {
}
