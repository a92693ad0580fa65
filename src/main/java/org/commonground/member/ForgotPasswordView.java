package org.commonground.member;

import java.util.Map;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.commonground.shared.InvalidInputException;
import org.commonground.ui.Forms;

@Route(value = "forgot-password", autoLayout = false)
@PageTitle("Reset your password · Common Ground")
@AnonymousAllowed
public class ForgotPasswordView extends VerticalLayout {

    final EmailField email = new EmailField("Email");
    final Button send = new Button("Email me a reset link");
    final Paragraph sent = new Paragraph();

    public ForgotPasswordView(MemberService members) {
        addClassName("cg-public-page");
        setAlignItems(Alignment.CENTER);
        email.setMaxLength(254);
        email.setWidth("min(24rem, 100%)");
        sent.addClassName("cg-confirmation");
        sent.setVisible(false);
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickShortcut(Key.ENTER);
        send.addClickListener(e -> {
            Forms.clear(email);
            try {
                members.requestPasswordReset(email.getValue());
                // The same answer whether or not the address has an account.
                sent.setText("If " + email.getValue().strip() + " belongs to an account, a link to reset its password is on its way. It works for one hour.");
                sent.setVisible(true);
            } catch (InvalidInputException problem) {
                Forms.show(problem, Map.of("email", email));
            }
        });
        H1 title = new H1("Forgot your password?");
        title.addClassName("cg-public-title");
        add(title, new Paragraph("Enter the email address of your account and we will send you a link to choose a new password."),
                email, send, sent, new Anchor("login", "Back to sign in"));
    }
}
