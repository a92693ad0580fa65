package org.commonground.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Debian's nginx serving a directory on a port of its own, as the README's static copy of the public site is served,
 * run as whoever runs the tests (no root, no system configuration). A missing nginx fails the test: CI installs it.
 */
public final class Nginx implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/sbin/nginx");

    private final Process process;
    private final Path prefix;
    public final int port;

    private Nginx(Process process, Path prefix, int port) {
        this.process = process;
        this.prefix = prefix;
        this.port = port;
    }

    /** The README's configuration: a page at /p/x is the file p/x/index.html. */
    public static String siteConfig(Path root, int port) {
        return """
                server {
                    listen 127.0.0.1:%d;
                    root %s;
                    charset utf-8;
                    location = / { return 302 /p; }
                    location / { try_files $uri $uri/index.html =404; }
                }
                """.formatted(port, root.toAbsolutePath());
    }

    public static Nginx serve(Path root) throws IOException, InterruptedException {
        assertThat(BINARY).as("nginx (Debian's package nginx) must be installed for this test").isExecutable();
        Path prefix = Files.createTempDirectory("nginx");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        // Started by root, nginx's workers would drop to a user who cannot read a test's private temporary directory.
        String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
        Files.writeString(prefix.resolve("nginx.conf"), user + """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log stderr warn;
                events { worker_connections 256; }
                http {
                    include /etc/nginx/mime.types;
                    default_type application/octet-stream;
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                %2$s}
                """.formatted(prefix, siteConfig(root, port).indent(4)));
        Process process = new ProcessBuilder(BINARY.toString(), "-p", prefix.toString(), "-c", prefix.resolve("nginx.conf").toString(), "-e", "stderr")
                .redirectErrorStream(true).redirectOutput(prefix.resolve("nginx.log").toFile()).start();
        Nginx nginx = new Nginx(process, prefix, port);
        for (int i = 0; i < 100; i++) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return nginx;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("nginx did not start: " + Files.readString(prefix.resolve("nginx.log")));
                }
                Thread.sleep(50);
            }
        }
        nginx.close();
        throw new IllegalStateException("nginx did not listen on " + port);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
