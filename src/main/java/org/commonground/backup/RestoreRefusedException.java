package org.commonground.backup;

/** A group record that cannot be restored, or a database it cannot be restored into; nothing was written. */
public class RestoreRefusedException extends RuntimeException {

    public RestoreRefusedException(String message) {
        super(message);
    }

    public RestoreRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
