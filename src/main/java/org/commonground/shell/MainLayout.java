package org.commonground.shell;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.springframework.security.core.context.SecurityContext;
import org.commonground.live.LiveEvents;
import org.commonground.ui.Focus;
import org.commonground.ui.LiveReads;
import org.commonground.ui.TryAgain;
import org.commonground.ui.PartyMarker;
import org.commonground.notification.NotificationService;
import org.commonground.security.CurrentMember;
import org.commonground.security.SecurityView;
import org.commonground.security.SignedInMember;

/**
 * The frame around every signed-in page: the side navigation lists only what the member may open, and the
 * member's party colour marks the header and their name. Pages for people who are not signed in opt out of it.
 * For the keyboard: a skip link comes first, the routed view is the page's main region, and after moving to
 * another page focus lands on its heading instead of back at the top of the header and navigation.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements BeforeEnterObserver, AfterNavigationObserver {

    private final NotificationService notifications;
    private final LiveEvents live;
    private final LiveReads liveReads;
    private final CurrentMember currentMember;
    private final SignedInMember member;
    /** Once seen verified, always verified: the page need not ask the database again. */
    private boolean verified;
    final Button bell = new Button();
    private Runnable stopListening = () -> { };
    private boolean shownAPage;

    public MainLayout(CurrentMember currentMember, AuthenticationContext authentication, NotificationService notifications, LiveEvents live,
                      LiveReads liveReads) {
        this.notifications = notifications;
        this.live = live;
        this.liveReads = liveReads;
        this.currentMember = currentMember;
        setPrimarySection(Section.DRAWER);
        Anchor title = new Anchor("groups", "Common Ground");
        title.addClassName("cg-brand");

        HorizontalLayout header = new HorizontalLayout(skipLink(), new DrawerToggle(), title);
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
        nav.addItem(new SideNavItem("My party", "party", VaadinIcon.FLAG_O.create()));
        nav.addItem(new SideNavItem("New group", "groups/new", VaadinIcon.PLUS.create()));
        nav.addItem(new SideNavItem("Elections and seats", "elections", VaadinIcon.BAR_CHART.create()));
        nav.addItem(new SideNavItem("Reciprocity ledger", "pacts/ledger", VaadinIcon.EXCHANGE.create()));
        nav.addItem(new SideNavItem("Security", SecurityView.class, VaadinIcon.SHIELD.create()));
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

    /** Until their address is verified, a member's every page leads to the page that says how to verify it. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!verified) {
            verified = currentMember.hasVerifiedEmail(member.id());
        }
        if (!verified) {
            event.forwardTo("verify-email");
        } else if (event.getNavigationTarget() != SecurityView.class && currentMember.mustAddSecondFactor(member)) {
            // An admin's first task (issue 17): until then their pages would only refuse them.
            event.forwardTo(SecurityView.class);
        }
    }

    /** The routed view is the main region, and the skip link's target. */
    @Override
    public void showRouterLayoutContent(HasElement content) {
        super.showRouterLayoutContent(content);
        if (content != null) {
            content.getElement().setAttribute("id", Focus.MAIN);
            content.getElement().setAttribute("role", "main");
        }
    }

    /**
     * After a move to another page inside the app (a link, a button that navigates), focus goes to the new page's
     * heading: the element that had it is gone. The first page of a load keeps the browser's start, the skip link.
     */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        if (shownAPage) {
            getUI().ifPresent(Focus::mainHeading);
        }
        shownAPage = true;
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        UI ui = attach.getUI();
        // A new notification, written on any app instance, updates the count at once. A ballot's close tells its whole
        // electorate together, so the count is read on the announcement's thread, a few at a time (LiveReads), and
        // only shown under the session's lock; when the database cannot be had just now, the next notification shows it.
        SecurityContext reader = LiveReads.reader();
        stopListening = live.listen("member", member.id(), e -> {
            try {
                int unread = liveReads.read(reader, notifications::unread);
                ui.access(() -> showUnread(unread));
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException failed) {
                if (TryAgain.message(failed).isEmpty()) {
                    throw failed;
                }
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        stopListening.run();
    }

    void showUnread() {
        showUnread(notifications.unread());
    }

    private void showUnread(int unread) {
        bell.setText(unread == 0 ? "" : String.valueOf(unread));
        bell.setAriaLabel(unread == 0 ? "Notifications: none unread" : "Notifications: " + unread + " unread");
    }

    private static Div memberBadge(SignedInMember member) {
        Span marker = PartyMarker.of(member.partyCode(), member.partyColour());
        marker.getElement().setAttribute("title", "Your party");
        Span name = new Span(member.displayName());
        name.addClassName("cg-member-name");
        // On a phone the name gives way to its initials, with the name as the avatar's accessible name and tooltip.
        Avatar initials = new Avatar(member.displayName());
        initials.setTooltipEnabled(true);
        initials.addClassName("cg-member-initials");
        Div badge = new Div(marker, name, initials);
        badge.addClassName("cg-member");
        return badge;
    }

    /** First in the tab order, shown only when focused: past the header and navigation to the page itself. */
    private static Anchor skipLink() {
        Anchor skip = new Anchor("#" + Focus.MAIN, "Skip to main content");
        skip.addClassName("cg-skip-link");
        // Handled here, not by the router or the browser (the page's base address would make "#…" another page).
        skip.getElement().setAttribute("router-ignore", true);
        skip.getElement().executeJs("this.addEventListener('click', e => { e.preventDefault(); " + Focus.MAIN_HEADING + " })");
        return skip;
    }

    private static Button signOut(AuthenticationContext authentication) {
        Button button = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
        // On a narrow screen (or at 200% zoom) only the icon shows; the name must stay.
        button.setAriaLabel("Sign out");
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button.addClassName("cg-sign-out");
        return button;
    }
}
