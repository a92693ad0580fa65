package org.commonground;

import java.time.Clock;
import java.util.Arrays;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@StyleSheet(Lumo.STYLESHEET)
@Push
public class CommonGroundApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(CommonGroundApplication.class);
        // "--demo" is the friendly spelling of the demo profile.
        if (Arrays.asList(args).contains("--demo")) {
            application.setAdditionalProfiles("demo");
            args = Arrays.stream(args).filter(a -> !a.equals("--demo")).toArray(String[]::new);
        }
        application.run(args);
    }

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
