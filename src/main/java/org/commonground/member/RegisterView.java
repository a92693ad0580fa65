package org.commonground.member;

import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.commonground.security.LoginView;
import org.commonground.security.NewMemberSignIn;
import org.commonground.party.Party;
import org.commonground.party.PartyService;
import org.commonground.shared.InvalidInputException;
import org.commonground.ui.Forms;

@Route(value = "register", autoLayout = false)
@PageTitle("Register · Common Ground")
@AnonymousAllowed
public class RegisterView extends VerticalLayout {

    final EmailField email = new EmailField("Email");
    final TextField displayName = new TextField("Display name");
    final ComboBox<Party> party = new ComboBox<>("Party");
    final PasswordField password = new PasswordField("Password");
    final Button register = new Button("Create account");

    public RegisterView(MemberService members, PartyService parties, NewMemberSignIn newMembers) {
        addClassName("cg-public-page");
        setAlignItems(Alignment.CENTER);
        email.setRequiredIndicatorVisible(true);
        // The browser stops typing at the limit; the service and the database check again.
        email.setMaxLength(254);
        // No maxLength here: the browser would cut a longer name without a word. The service refuses it at the field.
        displayName.setRequiredIndicatorVisible(true);
        displayName.setHelperText("How other members will see you; at most " + MemberService.DISPLAY_NAME_MAX + " characters.");
        party.setItems(parties.list());
        party.setItemLabelGenerator(p -> p.name() + " (" + p.code() + ")");
        party.setRequiredIndicatorVisible(true);
        party.setHelperText("Choose Non-party if you are not a party member.");
        password.setRequiredIndicatorVisible(true);
        password.setMaxLength(PasswordRules.MAX_LENGTH);
        password.setHelperText("At least " + PasswordRules.MIN_LENGTH + " characters. A few unrelated words work well.");

        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        register.addClickShortcut(Key.ENTER);
        register.setDisableOnClick(true);
        register.addClickListener(e -> {
            Forms.clear(email, displayName, party, password);
            try {
                Optional<Member> created = members.register(new Registration(email.getValue(), displayName.getValue(),
                        party.getValue() == null ? null : party.getValue().id(), password.getValue()));
                if (created.isPresent()) {
                    // Signed in at once, on the way to the page that asks them to verify their address.
                    newMembers.accountMade(created.get().email());
                    getUI().ifPresent(ui -> ui.getPage().setLocation(NewMemberSignIn.PATH));
                } else {
                    // The address has an account: its owner learns of the attempt by email, and nobody is signed in.
                    Forms.success("Check your email: we sent a message to " + email.getValue().strip() + ".");
                    getUI().ifPresent(ui -> ui.navigate(LoginView.class));
                }
            } catch (InvalidInputException problem) {
                Forms.show(problem, Map.of("email", email, "displayName", displayName, "partyId", party, "password", password));
            } finally {
                register.setEnabled(true);
            }
        });

        FormLayout form = new FormLayout(email, displayName, party, password);
        form.setMaxWidth("28rem");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        H1 title = new H1("Join Common Ground");
        title.addClassName("cg-public-title");
        Paragraph signIn = new Paragraph("Already registered? ");
        signIn.add(new Anchor("login", "Sign in"));
        add(title, form, register, signIn);
    }
}
