package org.commonground.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.commonground.security.SecondFactorRepository.Passkey;
import org.commonground.security.SecondFactorService.SecondFactors;
import org.commonground.security.SecondFactorService.TotpEnrolment;
import org.commonground.shared.Dates;
import org.commonground.shared.InvalidInputException;
import org.commonground.ui.Forms;

/** The member's second factors (issue 17): an authenticator app, passkeys and recovery codes. */
@Route("security")
@PageTitle("Security · Common Ground")
@PermitAll
public class SecurityView extends VerticalLayout implements BeforeEnterObserver {

    private final SecondFactorService factors;
    final PasswordField password = new PasswordField("Your password");
    final TextField code = new TextField("Code from the app");
    final TextField passkeyName = new TextField("Name of the new passkey");
    final Div newCodes = new Div();
    /** The key being set up, shown until the app's first code confirms it. */
    TotpEnrolment enrolment;

    public SecurityView(SecondFactorService factors) {
        this.factors = factors;
        addClassName("cg-page");
        password.setHelperText("Needed to add or remove a second factor, or to replace your recovery codes.");
        password.setWidth("min(24rem, 100%)");
        code.setMaxLength(10);
        code.getElement().setAttribute("autocomplete", "one-time-code");
        passkeyName.setMaxLength(100);
        passkeyName.setPlaceholder("e.g. My laptop");
        newCodes.setVisible(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    void refresh() {
        removeAll();
        SecondFactors mine = factors.mine();
        add(new H2("Security"));
        if (mine.required() && !mine.any()) {
            Paragraph required = new Paragraph("As an administrator you must protect your account with a second factor "
                    + "before doing anything else: set up an authenticator app or add a passkey below.");
            required.addClassName("cg-notice");
            required.getElement().setAttribute("role", "alert");
            add(required);
        } else {
            add(new Paragraph("A second factor keeps your account yours even if someone learns your password. "
                    + "Each one added or removed, and each failed attempt to use one, is emailed to you."));
        }
        add(newCodes);
        // First, as every change below asks for it.
        add(password);
        add(new H3("Authenticator app"));
        if (mine.authenticatorApp()) {
            add(new Paragraph("On: signing in with your password also asks for the code your app shows."));
            add(button("Remove the authenticator app", () -> factors.removeAuthenticatorApp(password.getValue()),
                    "The authenticator app is removed."));
        } else if (enrolment == null) {
            add(new Paragraph("Off. Any authenticator app works (for example Aegis, FreeOTP, Google or Microsoft Authenticator)."));
            Button start = new Button("Set up an authenticator app", e -> {
                enrolment = factors.newAuthenticatorSecret();
                refresh();
            });
            add(start);
        } else {
            add(setUp(enrolment));
        }
        add(new H3("Passkeys"));
        add(passkeys(mine.passkeys()));
        Button addPasskey = new Button("Add a passkey", e -> addPasskey());
        add(passkeyName, addPasskey);
        add(new H3("Recovery codes"));
        add(new Paragraph(mine.any() ? mine.recoveryCodesLeft() + " unused. Each signs you in once, in place of the app's code, "
                + "if you lose your phone." : "Made when you set up an authenticator app."));
        if (mine.any()) {
            add(button("Make new recovery codes", () -> showCodes(factors.newRecoveryCodes(password.getValue())),
                    "New recovery codes are made; the earlier ones no longer work."));
        }
    }

    private VerticalLayout setUp(TotpEnrolment enrolment) {
        Paragraph how = new Paragraph("In your authenticator app, add an account by scanning this QR code or typing in the key "
                + "(or pasting the address below into an app that takes one), then type the 6-digit code it shows.");
        Span secret = new Span(enrolment.secret().replaceAll("(.{4})", "$1 ").strip());
        secret.addClassName("cg-secret");
        secret.getElement().setAttribute("aria-label", "Key");
        Paragraph uri = new Paragraph(enrolment.otpauthUri());
        uri.addClassName("cg-secret");
        // Inline (img-src allows data:), so the key never leaves the page for an address of its own.
        Image qr = new Image("data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(
                QrCodeSvg.of(enrolment.otpauthUri()).getBytes(StandardCharsets.UTF_8)), "QR code of the key, for an authenticator app to scan");
        qr.setWidth("12rem");
        Button turnOn = new Button("Turn on", e -> {
            Forms.clear(code);
            Forms.clear(password);
            try {
                List<String> codes = factors.addAuthenticatorApp(enrolment.secret(), code.getValue(), password.getValue());
                this.enrolment = null;
                code.clear();
                password.clear();
                Forms.success("The authenticator app is on.");
                refresh();
                showCodes(codes);
            } catch (InvalidInputException problem) {
                Forms.show(problem, Map.of("code", code, "password", password));
            }
        });
        turnOn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout setUp = new VerticalLayout(how, qr, new Paragraph(new Span("Key: "), secret), uri, code, turnOn);
        setUp.setPadding(false);
        return setUp;
    }

    private UnorderedList passkeys(List<Passkey> passkeys) {
        UnorderedList list = new UnorderedList();
        if (passkeys.isEmpty()) {
            list.add(new ListItem("None yet. A passkey signs you in with your device's fingerprint, face or PIN, without a password."));
        }
        for (Passkey passkey : passkeys) {
            String added = passkey.added() == null ? "" : ", added " + Dates.day(passkey.added());
            ListItem item = new ListItem(new Span(passkey.label() + added + " "));
            Button remove = button("Remove", () -> factors.removePasskey(passkey.credentialId(), password.getValue()),
                    "The passkey \"" + passkey.label() + "\" is removed.");
            remove.setAriaLabel("Remove passkey " + passkey.label());
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL);
            item.add(remove);
            list.add(item);
        }
        return list;
    }

    private void addPasskey() {
        Forms.clear(passkeyName);
        String label = passkeyName.getValue().strip();
        if (label.isEmpty()) {
            passkeyName.setErrorMessage("Name the passkey, so you can tell it from others later.");
            passkeyName.setInvalid(true);
            return;
        }
        Forms.clear(password);
        try {
            factors.allowPasskeyRegistration(password.getValue());
        } catch (InvalidInputException problem) {
            Forms.show(problem, Map.of("password", password));
            return;
        }
        password.clear();
        getUI().ifPresent(ui -> PasskeyCeremony.register(ui, label).then(String.class, problem -> {
            if (problem.isEmpty()) {
                passkeyName.clear();
                Forms.success("The passkey is added.");
                refresh();
            } else {
                passkeyName.setErrorMessage("The passkey was not added: " + problem);
                passkeyName.setInvalid(true);
            }
        }));
    }

    /** A button for a change that needs the password; problems show on the password field. */
    private Button button(String text, Runnable change, String done) {
        return new Button(text, e -> {
            Forms.clear(password);
            try {
                change.run();
                password.clear();
                Forms.success(done);
                refresh();
            } catch (InvalidInputException problem) {
                Forms.show(problem, Map.of("password", password));
            }
        });
    }

    private void showCodes(List<String> codes) {
        newCodes.removeAll();
        UnorderedList list = new UnorderedList();
        codes.forEach(c -> list.add(new ListItem(c)));
        list.addClassName("cg-secret");
        newCodes.add(new H3("Your new recovery codes"), new Paragraph("Keep them somewhere safe, away from your phone: "
                + "they are shown only now. Each one signs you in once if you lose your authenticator app."), list);
        newCodes.setVisible(true);
    }
}
