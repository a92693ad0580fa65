package org.commonground.ui;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * A refused action (the service said no) is told to the member in words, not as a stack trace; so is a database
 * that cannot be reached (PostgreSQL restarting, the network cut), which is reported in the log in one line.
 */
@Component
class UiErrorHandler implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(UiErrorHandler.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(new Handler()));
    }

    static final String DATABASE_UNREACHABLE = "The database cannot be reached just now, so nothing was saved. Please try again in a moment.";

    /**
     * The cause that says the connection to PostgreSQL failed, if any: SQLSTATE class 08 or no connection to be had.
     * A rollback that failed on the dead connection hides the failure that caused it; that one is looked at instead,
     * so any other failed commit or rollback is a fault to be seen, not an outage.
     */
    static Throwable databaseUnreachable(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof CannotGetJdbcConnectionException
                    || t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return t;
            }
            if (t instanceof TransactionSystemException failedRollback && failedRollback.getApplicationException() != null) {
                return databaseUnreachable(failedRollback.getApplicationException());
            }
        }
        return null;
    }

    /** For whoever runs the app: the pool was busy, or PostgreSQL could not be reached. */
    static void logUnreachable(Throwable thrown, Throwable unreachable) {
        log.warn(TryAgain.poolExhausted(thrown) ? "Every database connection was busy for the whole wait: {}"
                : "The database cannot be reached: {}", unreachable.getMessage());
    }

    private static final class Handler implements ErrorHandler {
        @Override
        public void error(ErrorEvent event) {
            Throwable unreachable = databaseUnreachable(event.getThrowable());
            if (unreachable != null) {
                logUnreachable(event.getThrowable(), unreachable);
                if (VaadinSession.getCurrent() != null) {
                    Forms.error(TryAgain.message(event.getThrowable()).orElse(DATABASE_UNREACHABLE));
                }
                return;
            }
            Throwable t = event.getThrowable();
            while (t != null && !(t instanceof AccessDeniedException)) {
                if (t instanceof java.io.IOException && t.getClass().getSimpleName().equals("ClientAbortException")) {
                    // The browser went away mid-response: nothing to tell anyone.
                    log.debug("Browser disconnected", t);
                    return;
                }
                t = t.getCause();
            }
            if (t != null && VaadinSession.getCurrent() != null) {
                Forms.error(t.getMessage());
            } else {
                log.error("Unexpected error in the UI", event.getThrowable());
                if (VaadinSession.getCurrent() != null) {
                    Forms.error("Something went wrong on our side. Your last change may not have been saved; please try again.");
                }
            }
        }
    }
}
