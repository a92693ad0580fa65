package org.commonground.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * LISTENs on one dedicated database connection for the changes every app instance announces (a trigger on the
 * audit trail NOTIFYs at commit) and hands them to {@link LiveEvents}. A lost connection is survived: it reconnects
 * with a growing pause, and then tells every open view to re-read, since NOTIFY does not replay what was missed.
 */
@Component
public class PostgresListener implements SmartLifecycle {

    static final String CHANNEL = "common_ground_live";
    private static final Logger log = LoggerFactory.getLogger(PostgresListener.class);
    private static final int POLL_MILLIS = 500;
    /** A silent connection is checked this often, so a dead one is noticed even when nothing is announced. */
    private static final long CHECK_IDLE_MILLIS = 10_000;

    private final DataSource dataSource;
    private final LiveEvents events;
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean running;
    private volatile Thread thread;
    private volatile Connection connection;
    private volatile int backendPid;

    PostgresListener(DataSource dataSource, LiveEvents events) {
        this.dataSource = dataSource;
        this.events = events;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("live-listener").start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            closeQuietly();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The database backend process of the listening connection (0 while disconnected); for tests and diagnostics. */
    public int backendPid() {
        return backendPid;
    }

    /** How many times it has connected; more than one means it reconnected. */
    public int connections() {
        return connections.get();
    }

    private void run() {
        long pause = 250;
        while (running) {
            try {
                listen();
                pause = 250;
            } catch (SQLException | RuntimeException e) {
                backendPid = 0;
                closeQuietly();
                if (!running) {
                    return;
                }
                log.warn("Live updates: the database connection was lost ({}); reconnecting in {} ms", e.getMessage(), pause);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    return;
                }
                pause = Math.min(pause * 2, 10_000);
            }
        }
    }

    private void listen() throws SQLException {
        Connection c = dataSource.getConnection();
        connection = c;
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("LISTEN " + CHANNEL);
            try (var rs = s.executeQuery("select pg_backend_pid()")) {
                rs.next();
                backendPid = rs.getInt(1);
            }
        }
        if (connections.incrementAndGet() > 1) {
            log.info("Live updates: reconnected to the database; open pages re-read what they show");
            events.deliverReconnected();
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        long lastHeard = System.currentTimeMillis();
        while (running) {
            PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
            if (notifications != null && notifications.length > 0) {
                lastHeard = System.currentTimeMillis();
                for (PGNotification n : notifications) {
                    LiveEvent.parse(n.getParameter()).ifPresent(events::deliver);
                }
            } else if (System.currentTimeMillis() - lastHeard > CHECK_IDLE_MILLIS) {
                if (!c.isValid(2)) {
                    throw new SQLException("the listening connection no longer answers");
                }
                lastHeard = System.currentTimeMillis();
            }
        }
    }

    private void closeQuietly() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // It is being replaced; a failure to close a broken connection changes nothing.
            }
        }
    }
}
