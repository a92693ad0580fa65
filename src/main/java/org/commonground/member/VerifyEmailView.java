package org.commonground.member;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.commonground.shared.InvalidInputException;

/**
 * Where an emailed verification link lands ({@code ?token=}), and where a signed-in member whose address is not yet
 * verified is sent from every other page: it says what to do, and sends the link again when asked.
 */
@Route(value = "verify-email", autoLayout = false)
@PageTitle("Verify your email address · Common Ground")
@AnonymousAllowed
public class VerifyEmailView extends VerticalLayout implements BeforeEnterObserver {

    private final MemberService members;
    final H1 title = new H1();
    final Paragraph explanation = new Paragraph();
    final Button resend = new Button("Send the link again");
    /** Announced to screen readers when it changes: the result of "send the link again". */
    final Paragraph status = new Paragraph();
    private final Anchor onward = new Anchor();
    private final Button signOut = new Button("Sign out");

    public VerifyEmailView(MemberService members, AuthenticationContext authentication) {
        this.members = members;
        addClassName("cg-public-page");
        setAlignItems(Alignment.CENTER);
        title.addClassName("cg-public-title");
        explanation.setMaxWidth("36rem");
        status.setMaxWidth("36rem");
        status.getElement().setAttribute("role", "status");
        resend.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        resend.addClickListener(e -> sendAgain());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        signOut.addClickListener(e -> authentication.logout());
        add(title, explanation, resend, status, onward, signOut);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getLocation().getQueryParameters().getParameters().getOrDefault("token", List.of()).stream()
                .findFirst().orElse(null);
        if (token != null) {
            try {
                members.verifyEmail(token);
                showVerified();
                return;
            } catch (InvalidInputException unusable) {
                Optional<EmailVerification> mine = members.myEmailVerification();
                if (mine.map(EmailVerification::verified).orElse(false)) {
                    // Used already, perhaps by a mail scanner: what matters is that the address is verified.
                    showVerified();
                    return;
                }
                title.setText("This link does not work");
                explanation.setText(unusable.messageFor("token")
                        + (mine.isPresent() ? " Send a new one below." : " Sign in to have a new one sent."));
                showPending(mine.isPresent());
                return;
            }
        }
        Optional<EmailVerification> mine = members.myEmailVerification();
        if (mine.isPresent() && mine.get().verified()) {
            showVerified();
        } else {
            title.setText("Check your inbox");
            explanation.setText(mine.map(m -> "We sent a link to " + m.email() + ". Open it to show that the address is yours: "
                    + "until then you can sign in, but not join a group, comment, vote or sign.")
                    .orElse("Open the link we emailed you. Signed in, you can have a new one sent here."));
            showPending(mine.isPresent());
        }
    }

    private void showVerified() {
        title.setText("Your address is verified");
        explanation.setText("You can now join groups, comment, vote and sign.");
        resend.setVisible(false);
        status.setText("");
        onward.setText("Continue to Common Ground");
        onward.setHref("groups");
        signOut.setVisible(false);
    }

    /** Not verified: a signed-in member may have the link sent again; a visitor is pointed to the sign-in page. */
    private void showPending(boolean signedIn) {
        resend.setVisible(signedIn);
        signOut.setVisible(signedIn);
        onward.setVisible(!signedIn);
        onward.setText("Sign in");
        onward.setHref("login");
    }

    private void sendAgain() {
        try {
            members.resendVerificationLink();
            status.setText("A new link is on its way to " + members.myEmailVerification().map(EmailVerification::email).orElse("you")
                    + ". It works for two days.");
        } catch (InvalidInputException refused) {
            status.setText(refused.messageFor("resend"));
        }
    }
}
