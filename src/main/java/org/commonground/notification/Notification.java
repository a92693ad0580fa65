package org.commonground.notification;

import java.time.OffsetDateTime;

public record Notification(long id, String kind, String text, String link, OffsetDateTime createdAt, boolean read) {
}
