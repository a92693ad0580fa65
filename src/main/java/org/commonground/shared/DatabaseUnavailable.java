package org.commonground.shared;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The one reading of a failure as "the database could not be had": the pool busy for its whole wait, or PostgreSQL
 * unreachable. The UI's error handler, the forms that say "try again" where they were written, and the vote all ask
 * here, so they agree on what is an outage and what is a fault to be seen.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    /**
     * The cause that says the connection to PostgreSQL failed, if any: SQLSTATE class 08 or no connection to be had.
     * A rollback that failed on the dead connection hides the failure that caused it; that one is looked at instead,
     * so any other failed commit or rollback is a fault to be seen, not an outage.
     */
    public static Throwable cause(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (noConnectionGiven(t) || t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return t;
            }
            if (t instanceof TransactionSystemException failedRollback && failedRollback.getApplicationException() != null) {
                return cause(failedRollback.getApplicationException());
            }
        }
        return null;
    }

    /**
     * No connection came from the pool, so not one statement ran: what was asked is certainly not stored. (A
     * connection lost mid-transaction is an outage too, but then only the transaction's rollback says nothing stayed.)
     */
    public static boolean beforeAnyStatement(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (noConnectionGiven(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Hikari's timeout with no failed connection beneath it: the database answers, but every connection was in use
     * for the whole wait. When PostgreSQL is down, the timeout carries the connection's failure as its cause.
     */
    public static boolean poolExhausted(Throwable thrown) {
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

    private static boolean noConnectionGiven(Throwable t) {
        return t instanceof SQLTransientConnectionException || t instanceof CannotGetJdbcConnectionException;
    }
}
