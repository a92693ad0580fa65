package org.commonground.ui;

import java.io.IOException;
import java.io.Reader;
import java.util.Optional;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.communication.UidlRequestHandler;
import org.springframework.stereotype.Component;

/**
 * Vaadin reads every message from a page (a click, a field's new value) into a 64K-character buffer and a 64K
 * string builder before looking at it: under bench/run-load that was over a third of all the memory the app
 * allocated, a young collection's worth every few seconds. A message that says how long it is, and is short, is
 * read here into an array of its own length, and then handled exactly as Vaadin's own handler does (its
 * {@code SynchronizedRequestHandler.handleRequest}); any other is left to Vaadin's handler. Handlers added at service
 * start run before Vaadin's own.
 */
@Component
class SmallRequestBodies implements VaadinServiceInitListener {

    /** Larger than any click or typed comment: a comment is at most 10,000 characters. */
    static final int SMALL = 64 * 1024;

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addRequestHandler(new Handler());
    }

    static final class Handler extends UidlRequestHandler {

        @Override
        public boolean handleRequest(VaadinSession session, VaadinRequest request, VaadinResponse response) throws IOException {
            int length = request.getContentLength();
            long most = getMaxRequestBodySize(request);
            if (!canHandleRequest(request) || length < 0 || length > SMALL || most >= 0 && length > most) {
                return super.handleRequest(session, request, response);
            }
            try {
                String body = read(request.getReader(), length);
                session.lock();
                Optional<ResponseWriter> writer;
                try {
                    writer = synchronizedHandleRequest(session, request, response, body);
                } finally {
                    session.unlock();
                }
                // As Vaadin's handler: the response is written once the session is free for the page's other requests.
                if (writer.isPresent()) {
                    writer.get().writeResponse();
                }
                return writer.isPresent();
            } finally {
                if (session.hasLock()) {
                    session.unlock();
                }
            }
        }

        /** At most {@code length} characters, since a character takes a byte at least. */
        static String read(Reader reader, int length) throws IOException {
            if (reader == null) {
                return null;
            }
            char[] buffer = new char[length];
            int filled = 0;
            while (filled < length) {
                int read = reader.read(buffer, filled, length - filled);
                if (read < 0) {
                    break;
                }
                filled += read;
            }
            return new String(buffer, 0, filled);
        }
    }
}
