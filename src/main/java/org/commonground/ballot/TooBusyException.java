package org.commonground.ballot;

import org.commonground.shared.InvalidInputException;

/**
 * A vote refused because no database connection came in time (the instance overloaded, or the database away): the
 * vote was not stored, and the member is told to try again. The page does not re-read after it, which would only wait
 * for a connection in turn.
 */
public class TooBusyException extends InvalidInputException {

    static final String TRY_AGAIN = "Your vote was not recorded: the site is too busy just now. Please try again in a moment.";

    TooBusyException() {
        super("choice", TRY_AGAIN);
    }
}
