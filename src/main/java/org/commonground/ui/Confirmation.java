package org.commonground.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.router.Route;

/**
 * Asks before a weighty action (a merge, a ballot, a party's consent): what will happen and to whom, then runs it only
 * once confirmed. Either way keyboard focus goes back to the button that asked, or, when the action removed that
 * button, to its nearest surviving neighbour: otherwise it would fall to the page's body and Tab start again at the top.
 */
public final class Confirmation {

    private Confirmation() {
    }

    /**
     * Opens the question; {@code action} runs on confirming only. Returns the open dialog, for a caller that names its
     * cancel button or adds a listener of its own.
     */
    public static ConfirmDialog ask(Component trigger, String header, String text, String confirmLabel, Runnable action) {
        ConfirmDialog dialog = open(trigger, header, confirmLabel, action);
        dialog.setText(text);
        return dialog;
    }

    /** As {@link #ask}, with a text that is more than a sentence (a list of what will happen to each amendment). */
    public static ConfirmDialog ask(Component trigger, String header, Component text, String confirmLabel, Runnable action) {
        ConfirmDialog dialog = open(trigger, header, confirmLabel, action);
        dialog.setText(text);
        return dialog;
    }

    private static ConfirmDialog open(Component trigger, String header, String confirmLabel, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(header);
        dialog.setConfirmText(confirmLabel);
        dialog.setCancelable(true);
        // Remembered now: the action may rebuild the page and take the trigger and its container with it.
        List<Component> returnTo = neighbours(trigger);
        dialog.addConfirmListener(e -> {
            UI ui = trigger.getUI().orElse(UI.getCurrent());
            try {
                action.run();
            } finally {
                returnFocus(returnTo, ui);
            }
        });
        // The dialog gives focus back in the browser on Escape, but the server's removal of the closed dialog a round
        // trip later takes it away again; so the server puts it back too.
        dialog.addCancelListener(e -> returnFocus(returnTo, UI.getCurrent()));
        dialog.addRejectListener(e -> returnFocus(returnTo, UI.getCurrent()));
        dialog.open();
        return dialog;
    }

    /** As {@link #ask}, with the confirming button in the error colour: for what cannot be undone. */
    public static ConfirmDialog destructive(Component trigger, String header, String text, String confirmLabel, Runnable action) {
        ConfirmDialog dialog = ask(trigger, header, text, confirmLabel, action);
        dialog.setConfirmButtonTheme("error primary");
        return dialog;
    }

    /** The trigger, then its siblings nearest first (after it, then before it), then its containers up to the view. */
    static List<Component> neighbours(Component trigger) {
        List<Component> order = new ArrayList<>();
        order.add(trigger);
        Component child = trigger;
        for (Component parent = trigger.getParent().orElse(null); parent != null && !isView(parent); parent = parent.getParent().orElse(null)) {
            List<Component> siblings = parent.getChildren().toList();
            int at = siblings.indexOf(child);
            for (int distance = 1; distance < siblings.size(); distance++) {
                if (at + distance < siblings.size()) {
                    order.add(siblings.get(at + distance));
                }
                if (at - distance >= 0) {
                    order.add(siblings.get(at - distance));
                }
            }
            order.add(parent);
            child = parent;
        }
        return order;
    }

    private static boolean isView(Component c) {
        return c.getClass().isAnnotationPresent(Route.class);
    }

    /**
     * A surviving control among the neighbours; else, when the page was rebuilt, the element now carrying the id of
     * the trigger or of its nearest container that had one (say, the amendment's card); else the page's heading.
     */
    private static void returnFocus(List<Component> returnTo, UI ui) {
        Optional<Component> control = returnTo.stream().filter(c -> c instanceof Focusable<?> && c.isAttached() && c.isVisible()
                && c.getElement().isEnabled()).findFirst();
        if (control.isPresent()) {
            ((Focusable<?>) control.get()).focus();
        } else if (ui != null) {
            List<String> ids = returnTo.stream().map(c -> c.getId().orElse(null)).filter(Objects::nonNull).toList();
            ui.getPage().executeJs("""
                    for (const id of $0.split('\\n').filter(Boolean)) {
                      const e = document.getElementById(id);
                      if (e) {
                        if (!e.matches('button, vaadin-button, a[href], input, textarea, [tabindex]')) {
                          e.setAttribute('tabindex', '-1');
                          e.classList.add('cg-focus-target');
                        }
                        e.focus();
                        return;
                      }
                    }
                    """ + Focus.MAIN_HEADING, String.join("\n", ids));
        }
    }
}
