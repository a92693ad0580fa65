package org.commonground.live;

import java.util.Optional;

/**
 * A committed change, as announced to every app instance: what kind of thing changed, its id, and the audited
 * action ("COMMENT_POSTED", "VOTE_CAST", …). Never content: a view that hears of it re-reads with its reader's rights.
 */
public record LiveEvent(String topic, long id, String action) {

    /** Sent to every listener when the announcements were interrupted: some may have been missed, so re-read. */
    public static final String RECONNECTED = "RECONNECTED";

    public boolean reconnected() {
        return RECONNECTED.equals(action);
    }

    /** "proposal:12:COMMENT_POSTED"; anything else is ignored. */
    static Optional<LiveEvent> parse(String payload) {
        String[] parts = payload == null ? new String[0] : payload.split(":", 3);
        if (parts.length != 3 || !parts[0].matches("[a-z_]{1,50}") || !parts[1].matches("[0-9]{1,18}") || !parts[2].matches("[A-Z_]{1,100}")) {
            return Optional.empty();
        }
        return Optional.of(new LiveEvent(parts[0], Long.parseLong(parts[1]), parts[2]));
    }
}
