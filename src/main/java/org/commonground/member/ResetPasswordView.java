package org.commonground.member;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.commonground.security.LoginView;
import org.commonground.shared.InvalidInputException;
import org.commonground.ui.Forms;

@Route(value = "reset-password", autoLayout = false)
@PageTitle("Choose a new password · Common Ground")
@AnonymousAllowed
public class ResetPasswordView extends VerticalLayout implements BeforeEnterObserver {

    private final MemberService members;
    final PasswordField password = new PasswordField("New password");
    final Button save = new Button("Save new password");
    final Paragraph status = new Paragraph();
    private String token;

    public ResetPasswordView(MemberService members) {
        this.members = members;
        addClassName("cg-public-page");
        setAlignItems(Alignment.CENTER);
        password.setMaxLength(PasswordRules.MAX_LENGTH);
        password.setWidth("min(24rem, 100%)");
        password.setHelperText("At least " + PasswordRules.MIN_LENGTH + " characters.");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        save.addClickListener(e -> {
            Forms.clear(password);
            try {
                members.resetPassword(token, password.getValue());
                Forms.success("Your password is changed. Sign in with it now.");
                getUI().ifPresent(ui -> ui.navigate(LoginView.class));
            } catch (InvalidInputException problem) {
                if (problem.messageFor("token") != null) {
                    showUnusable(problem.messageFor("token"));
                } else {
                    Forms.show(problem, Map.of("password", password));
                }
            }
        });
        H1 title = new H1("Choose a new password");
        title.addClassName("cg-public-title");
        add(title, status, password, save, new Anchor("login", "Back to sign in"));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation().getQueryParameters().getParameters().getOrDefault("token", List.of("")).getFirst();
        if (!members.isResetLinkUsable(token)) {
            showUnusable("This reset link has expired or was already used.");
        }
    }

    private void showUnusable(String message) {
        status.removeAll();
        status.add(message + " ");
        status.add(new Anchor("forgot-password", "Ask for a new link"));
        password.setVisible(false);
        save.setVisible(false);
    }
}
