package org.commonground.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay between an app and PostgreSQL that can go down the way a restarting server does, as the app sees
 * it: every open connection is cut, and new ones are refused (the port stops listening) until {@link #restore()}.
 * Restarting the real server would also cut every other test's connections.
 */
public final class DatabaseOutage implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listening;

    private DatabaseOutage(String targetHost, int targetPort, int port) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.port = port;
    }

    /** A relay to the server of {@code jdbcUrl}, listening on a free local port. */
    public static DatabaseOutage relayFor(String jdbcUrl) throws IOException {
        URI server = URI.create(jdbcUrl.substring("jdbc:".length()));
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        DatabaseOutage relay = new DatabaseOutage(server.getHost(), server.getPort() == -1 ? 5432 : server.getPort(), port);
        relay.restore();
        return relay;
    }

    /** {@code jdbcUrl} with its server replaced by this relay. */
    public String relayed(String jdbcUrl) {
        URI server = URI.create(jdbcUrl.substring("jdbc:".length()));
        return jdbcUrl.replaceFirst("//" + server.getRawAuthority(), "//127.0.0.1:" + port);
    }

    /** The server goes away: open connections are reset and the port refuses new ones. */
    public synchronized void cut() throws IOException {
        listening.close();
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    /** The server is back. */
    public synchronized void restore() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress("127.0.0.1", port));
        listening = socket;
        Thread.ofVirtual().start(() -> accept(socket));
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket server = new Socket(targetHost, targetPort);
                open.add(client);
                open.add(server);
                Thread.ofVirtual().start(() -> pipe(client, server));
                Thread.ofVirtual().start(() -> pipe(server, client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException cut) {
            // the other side closed, or the relay cut the connection
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}
