package org.commonground.ui;

import java.util.Optional;

import com.vaadin.flow.component.HasValidation;
import org.commonground.shared.DatabaseUnavailable;

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
        Throwable unreachable = DatabaseUnavailable.cause(thrown);
        if (unreachable == null) {
            return Optional.empty();
        }
        return Optional.of(DatabaseUnavailable.poolExhausted(thrown) ? BUSY : UiErrorHandler.DATABASE_UNREACHABLE);
    }

    /** As {@link #message}, for a form that tells the member itself: the log still says what happened. */
    public static Optional<String> reported(Throwable thrown) {
        Optional<String> message = message(thrown);
        message.ifPresent(m -> UiErrorHandler.logUnreachable(thrown, DatabaseUnavailable.cause(thrown)));
        return message;
    }

    /**
     * {@code failed} meant the database could not be had, so nothing was saved: the member is told so and to try
     * again at {@code field} (null: only in a notification), which keeps what they wrote. Anything else is a fault,
     * rethrown for the error handler.
     */
    public static void refuseAt(RuntimeException failed, HasValidation field) {
        String message = reported(failed).orElseThrow(() -> failed);
        if (field != null) {
            field.setErrorMessage(message);
            field.setInvalid(true);
        }
        Forms.error(message);
    }

    /**
     * Runs {@code reread}, what follows a change already saved (the page brought up to date). Should the database
     * fail it, the member is told {@code saved}, not the error handler's "nothing was saved", so they do not do it
     * again.
     */
    public static void afterSaving(Runnable reread, String saved) {
        try {
            reread.run();
        } catch (RuntimeException failed) {
            if (message(failed).isEmpty()) {
                throw failed;
            }
            Forms.success(saved);
        }
    }
}
