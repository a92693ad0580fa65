package org.commonground.ui;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * A write the database could not take just now: every connection of the pool busy for the pool's whole wait, or
 * PostgreSQL unreachable. Either way nothing was written (the connection is the first thing a write asks for), so
 * the member is told to try again, with what they wrote kept; a form that can keep it says so where it was written.
 */
public final class TryAgain {

    static final String BUSY = "The server is too busy to save this just now, so nothing was saved. Please try again in a moment.";

    private TryAgain() {
    }

    /** What to tell the member when {@code thrown} means the database could not be had, or empty when it means something else. */
    public static Optional<String> message(Throwable thrown) {
        Throwable unreachable = UiErrorHandler.databaseUnreachable(thrown);
        if (unreachable == null) {
            return Optional.empty();
        }
        return Optional.of(poolExhausted(thrown) ? BUSY : UiErrorHandler.DATABASE_UNREACHABLE);
    }

    /** As {@link #message}, for a form that tells the member itself: the log still says what happened. */
    public static Optional<String> reported(Throwable thrown) {
        Optional<String> message = message(thrown);
        message.ifPresent(m -> UiErrorHandler.logUnreachable(thrown, UiErrorHandler.databaseUnreachable(thrown)));
        return message;
    }

    /**
     * Hikari's timeout with no failed connection beneath it: the database answers, but every connection was in use
     * for the whole wait. When PostgreSQL is down, the timeout carries the connection's failure as its cause.
     */
    static boolean poolExhausted(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException timeout) {
                for (Throwable below = timeout.getCause(); below != null; below = below.getCause()) {
                    if (below instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                            || below instanceof java.io.IOException) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }
}
