package org.commonground.ui;

import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import org.commonground.shared.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

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

    /** For whoever runs the app: the pool was busy, or PostgreSQL could not be reached. */
    static void logUnreachable(Throwable thrown, Throwable unreachable) {
        log.warn(DatabaseUnavailable.poolExhausted(thrown) ? "Every database connection was busy for the whole wait: {}"
                : "The database cannot be reached: {}", unreachable.getMessage());
    }

    private static final class Handler implements ErrorHandler {
        @Override
        public void error(ErrorEvent event) {
            Throwable unreachable = DatabaseUnavailable.cause(event.getThrowable());
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
