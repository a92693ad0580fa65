package org.commonground.database;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Whether zonky's PostgreSQL archives are on the classpath: the build adds them only for development and tests. */
final class EmbeddedBinaries {

    private EmbeddedBinaries() {
    }

    static boolean present(ClassLoader classLoader) {
        try {
            // Each binaries artifact holds one archive named after its platform, e.g. postgres-linux-x86_64.txz.
            return new PathMatchingResourcePatternResolver(classLoader).getResources("classpath*:postgres-*.txz").length > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
