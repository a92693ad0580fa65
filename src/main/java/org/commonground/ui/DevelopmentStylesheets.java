package org.commonground.ui;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.WebResourceRoot;
import org.apache.catalina.webresources.DirResourceSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * In development ({@code spring-boot:run} sets {@code commonground.dev.frontend-directory}), the stylesheets are
 * served from the top-level {@code frontend/} folder itself, ahead of the copies a build puts in the jar, so an edit
 * shows on the next page load without a rebuild.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("commonground.dev.frontend-directory")
class DevelopmentStylesheets {

    @Bean
    TomcatContextCustomizer frontendFolderFirst(@Value("${commonground.dev.frontend-directory}") String directory) {
        return context -> context.addLifecycleListener(event -> {
            if (Lifecycle.CONFIGURE_START_EVENT.equals(event.getType())) {
                WebResourceRoot resources = context.getResources();
                resources.addPreResources(new DirResourceSet(resources, "/styles", directory + "/styles", "/"));
            }
        });
    }
}
