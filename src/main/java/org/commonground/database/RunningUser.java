package org.commonground.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

final class RunningUser {

    private RunningUser() {
    }

    /** PostgreSQL's initdb refuses to run as root; we must know before trying. */
    static boolean isRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return Integer.valueOf(0).equals(uid);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
