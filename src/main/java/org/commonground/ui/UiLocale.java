package org.commonground.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.commonground.shared.Dates;
import org.springframework.stereotype.Component;

/**
 * Every page speaks British English, whatever the browser says: date pickers and Vaadin's own components would
 * otherwise follow the browser's language, and a US browser would show 12 September as 9/12/2026.
 */
@Component
class UiLocale implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setLocale(Dates.LOCALE));
        event.getSource().addUIInitListener(init -> init.getUI().setLocale(Dates.LOCALE));
    }
}
