package org.commonground.notification;


import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.commonground.shared.Dates;
import org.commonground.ui.Forms;

/** The member's notifications, newest first, and how they want them by email. */
@Route("notifications")
@PageTitle("Notifications · Common Ground")
@PermitAll
public class NotificationsView extends VerticalLayout implements BeforeEnterObserver {

    private final NotificationService notifications;
    final RadioButtonGroup<EmailPreference> email = new RadioButtonGroup<>("Email");
    final Div list = new Div();

    public NotificationsView(NotificationService notifications) {
        this.notifications = notifications;
        addClassName("cg-page");
        email.setItems(EmailPreference.values());
        email.setItemLabelGenerator(EmailPreference::label);
        email.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                notifications.setEmailPreference(e.getValue());
                Forms.success("Saved: " + e.getValue().label().toLowerCase());
            }
        });
        list.getElement().setAttribute("role", "list");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    void refresh() {
        removeAll();
        list.removeAll();
        email.setValue(notifications.emailPreference());
        Button allRead = new Button("Mark all read", e -> {
            notifications.markAllRead();
            refresh();
        });
        allRead.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var items = notifications.mine(200);
        // A list is a list only with items in it (screen readers announce an empty one as broken).
        add(new H2("Notifications"), allRead, items.isEmpty() ? new Paragraph("Nothing yet. Replies to your comments, mentions, news of "
                + "proposals you author or watch, ballots you vote in and pacts awaiting your party appear here.") : list,
                new H3("How you hear of them"), email);
        for (Notification n : items) {
            // Following the link marks it read: the click is handled here, then the router moves on.
            Anchor open = new Anchor(n.link(), n.text());
            open.getElement().addEventListener("click", e -> notifications.markRead(n.id()));
            Div item = new Div(open, new Span(" · " + Dates.recent(n.createdAt())));
            item.addClassName(n.read() ? "cg-notification" : "cg-notification-unread");
            item.getElement().setAttribute("role", "listitem");
            if (!n.read()) {
                Button read = new Button("Mark read", e -> {
                    notifications.markRead(n.id());
                    refresh();
                });
                read.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                item.add(read);
            }
            list.add(item);
        }
    }
}
