package org.commonground.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.commonground.live.LiveEvents;
import org.commonground.notification.NotificationService;
import org.commonground.security.CurrentMember;
import org.commonground.security.SignedInMember;

/**
 * The frame around every signed-in page: the side navigation lists only what the member may open, and the
 * member's party colour marks the header and their name. Pages for people who are not signed in opt out of it.
 */
@Layout
@PermitAll
@CssImport("./styles/commonground.css")
public class MainLayout extends AppLayout {

    private final NotificationService notifications;
    private final LiveEvents live;
    private final SignedInMember member;
    final Button bell = new Button();
    private Runnable stopListening = () -> { };

    public MainLayout(CurrentMember currentMember, AuthenticationContext authentication, NotificationService notifications, LiveEvents live) {
        this.notifications = notifications;
        this.live = live;
        setPrimarySection(Section.DRAWER);
        Anchor title = new Anchor("groups", "Common Ground");
        title.addClassName("cg-brand");

        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title);
        header.setWidthFull();
        header.setAlignItems(HorizontalLayout.Alignment.CENTER);
        header.addClassName("cg-header");
        addToNavbar(header);

        member = currentMember.require();
        header.getStyle().set("--cg-party-colour", member.partyColour());
        bell.setIcon(VaadinIcon.BELL.create());
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        bell.addClassName("cg-bell");
        bell.addClickListener(e -> bell.getUI().ifPresent(ui -> ui.navigate("notifications")));
        showUnread();
        header.add(bell, memberBadge(member), signOut(authentication));

        SideNav nav = new SideNav();
        nav.addClassName("cg-nav");
        nav.addItem(new SideNavItem("My groups", "groups", VaadinIcon.GROUP.create()));
        nav.addItem(new SideNavItem("Search", "search", VaadinIcon.SEARCH.create()));
        nav.addItem(new SideNavItem("Notifications", "notifications", VaadinIcon.BELL.create()));
        nav.addItem(new SideNavItem("Find a group", "groups/browse", VaadinIcon.USERS.create()));
        nav.addItem(new SideNavItem("New group", "groups/new", VaadinIcon.PLUS.create()));
        nav.addItem(new SideNavItem("Elections and seats", "elections", VaadinIcon.BAR_CHART.create()));
        nav.addItem(new SideNavItem("Reciprocity ledger", "pacts/ledger", VaadinIcon.EXCHANGE.create()));
        // The public pages are plain HTTP, outside the Vaadin router.
        SideNavItem published = new SideNavItem("Published documents", "/p", VaadinIcon.FILE_TEXT_O.create());
        published.setRouterIgnore(true);
        nav.addItem(published);
        if (member.admin()) {
            SideNavItem admin = new SideNavItem("Administration");
            admin.setPrefixComponent(VaadinIcon.COG.create());
            admin.addItem(new SideNavItem("Parties", "admin/parties", VaadinIcon.FLAG.create()));
            admin.setExpanded(true);
            nav.addItem(admin);
        }
        addToDrawer(nav);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        UI ui = attach.getUI();
        // A new notification, written on any app instance, updates the count at once.
        stopListening = live.listen("member", member.id(), e -> ui.access(this::showUnread));
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        stopListening.run();
    }

    void showUnread() {
        int unread = notifications.unread();
        bell.setText(unread == 0 ? "" : String.valueOf(unread));
        bell.setAriaLabel(unread == 0 ? "Notifications: none unread" : "Notifications: " + unread + " unread");
    }

    private static Div memberBadge(SignedInMember member) {
        Span marker = PartyMarker.of(member.partyCode(), member.partyColour());
        marker.getElement().setAttribute("title", "Your party");
        Span name = new Span(member.displayName());
        name.addClassName("cg-member-name");
        Div badge = new Div(marker, name);
        badge.addClassName("cg-member");
        return badge;
    }

    private static Button signOut(AuthenticationContext authentication) {
        Button button = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button.addClassName("cg-sign-out");
        return button;
    }
}
