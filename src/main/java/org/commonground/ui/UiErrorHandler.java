package org.commonground.ui;

import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** A refused action (the service said no) is told to the member in words, not as a stack trace. */
@Component
class UiErrorHandler implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(UiErrorHandler.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(new Handler()));
    }

    private static final class Handler implements ErrorHandler {
        @Override
        public void error(ErrorEvent event) {
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
