package org.commonground.security;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** The second step of signing in with a password, for members with a second factor: their app's code, or a recovery code. */
@Route(value = SecondStep.PATH, autoLayout = false)
@PageTitle("Second step · Common Ground")
@AnonymousAllowed
public class SecondFactorView extends VerticalLayout implements BeforeEnterObserver {

    final TextField code = new TextField("Code");
    final Button submit = new Button("Continue");
    private final SecondStep secondStep;

    SecondFactorView(SecondStep secondStep) {
        this.secondStep = secondStep;
        addClassName("cg-public-page");
        setAlignItems(Alignment.CENTER);
        // Lets phones offer a code they were sent or an app shows.
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.setMaxLength(40);
        code.setWidth("min(24rem, 100%)");
        code.setHelperText("The 6-digit code your authenticator app shows now, or one of your recovery codes.");
        code.setRequired(true);
        code.focus();
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        submit.addClickListener(e -> submit());
        H1 title = new H1("One more step");
        title.addClassName("cg-public-title");
        add(title, new Paragraph("Your password was right. Your account is protected by a second factor too."),
                code, submit, new Anchor("login", "Sign in another way (a passkey, or start again)"));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!secondStep.isPending(session(false))) {
            event.forwardTo(LoginView.class);
        }
    }

    private void submit() {
        code.setInvalid(false);
        HttpServletRequest request = VaadinServletRequest.getCurrent().getHttpServletRequest();
        HttpSession session = session(true);
        String target = secondStep.target(session);
        switch (secondStep.complete(session, request.getRemoteAddr(), code.getValue())) {
            case SIGNED_IN -> getUI().ifPresent(ui -> ui.getPage().setLocation(target));
            case WRONG_CODE -> invalid("That code did not work. Type the code your app shows now (each code works once), "
                    + "or a recovery code you have not used.");
            case TOO_MANY_ATTEMPTS -> invalid("Too many failed attempts. Wait a minute, then try again.");
            case EXPIRED -> getUI().ifPresent(ui -> ui.navigate(LoginView.class));
        }
    }

    private void invalid(String message) {
        code.setErrorMessage(message);
        code.setInvalid(true);
        code.clear();
        code.focus();
    }

    private static HttpSession session(boolean create) {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        return request == null ? null : request.getHttpServletRequest().getSession(create);
    }
}
