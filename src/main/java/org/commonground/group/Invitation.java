package org.commonground.group;

import java.time.OffsetDateTime;

public record Invitation(long id, long groupId, String groupName, GroupKind groupKind, String email,
                         String invitedBy, OffsetDateTime createdAt) {
}
