package org.commonground.security;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;

@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Common Ground")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();

    public LoginView() {
        addClassName("cg-public-page");
        setAlignItems(Alignment.CENTER);
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setUsername("Email");
        i18n.getForm().setSubmit("Sign in");
        i18n.getForm().setForgotPassword("Forgot your password?");
        i18n.getErrorMessage().setTitle("Could not sign you in");
        i18n.getErrorMessage().setMessage("Check your email address and password and try again.");
        login.setI18n(i18n);
        login.setAction("login");
        // By its address: the member feature's pages depend on security, not the other way round.
        login.addForgotPasswordListener(e -> getUI().ifPresent(ui -> ui.navigate("forgot-password")));

        H1 title = new H1("Common Ground");
        title.addClassName("cg-public-title");
        Paragraph tagline = new Paragraph("Where progressive parties draft, amend and agree together.");
        Paragraph register = new Paragraph("New here? ");
        register.add(new Anchor("register", "Create an account"));
        add(title, tagline, login, passkeySignIn(), register);
    }

    /** Instead of the password (and any second step): the device checks its owner itself. */
    private VerticalLayout passkeySignIn() {
        Paragraph problem = new Paragraph();
        problem.addClassName("cg-error");
        problem.getElement().setAttribute("role", "alert");
        Button passkey = new Button("Sign in with a passkey", VaadinIcon.KEY.create(),
                e -> getUI().ifPresent(ui -> PasskeyCeremony.signIn(ui).then(String.class, failed -> problem.setText(
                        failed.isEmpty() ? "" : "Could not sign you in with a passkey: " + failed))));
        VerticalLayout passkeys = new VerticalLayout(passkey, problem);
        passkeys.setPadding(false);
        passkeys.setAlignItems(Alignment.CENTER);
        return passkeys;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            return;
        }
        login.setError(true);
        HttpSession session = VaadinServletRequest.getCurrent() == null ? null
                : VaadinServletRequest.getCurrent().getHttpServletRequest().getSession(false);
        Object refusal = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (refusal instanceof LockedException || refusal instanceof TooManySignInsAtOnceException) {
            LoginI18n i18n = LoginI18n.createDefault();
            i18n.getForm().setTitle("Sign in");
            i18n.getForm().setUsername("Email");
            i18n.getForm().setSubmit("Sign in");
            i18n.getErrorMessage().setTitle("Too many attempts");
            i18n.getErrorMessage().setMessage(((AuthenticationException) refusal).getMessage());
            login.setI18n(i18n);
        }
    }
}
