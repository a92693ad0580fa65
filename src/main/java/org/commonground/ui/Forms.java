package org.commonground.ui;

import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.commonground.shared.InvalidInputException;

/** Shows a service's verdict on a form: each message at its field, anything else as a notification. */
public final class Forms {

    private Forms() {
    }

    public static void clear(HasValidation... fields) {
        for (HasValidation field : fields) {
            field.setInvalid(false);
            field.setErrorMessage(null);
        }
    }

    /** @param fields field name (as the service names it) to the component showing it */
    public static void show(InvalidInputException problem, Map<String, ? extends HasValidation> fields) {
        problem.problems().forEach((name, message) -> {
            HasValidation field = fields.get(name);
            if (field != null) {
                field.setErrorMessage(message);
                field.setInvalid(true);
            } else {
                error(message);
            }
        });
    }

    public static void error(String message) {
        Notification n = Notification.show(message, 6000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    public static void success(String message) {
        Notification n = Notification.show(message, 4000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
