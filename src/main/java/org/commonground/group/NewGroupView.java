package org.commonground.group;

import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import org.commonground.security.CurrentMember;
import org.commonground.shared.InvalidInputException;
import org.commonground.ui.Forms;

@Route("groups/new")
@PageTitle("New group · Common Ground")
@PermitAll
public class NewGroupView extends VerticalLayout {

    final TextField name = new TextField("Name");
    final RadioButtonGroup<GroupKind> kind = new RadioButtonGroup<>("Kind");
    final TextArea description = new TextArea("Description");
    final TextArea constituencies = new TextArea("Constituencies");
    final Button create = new Button("Create group");

    public NewGroupView(GroupService groups, CurrentMember currentMember) {
        addClassName("cg-page");
        String myParty = currentMember.require().partyCode();
        name.setMaxLength(120);
        name.setRequiredIndicatorVisible(true);
        kind.setItems(GroupKind.values());
        kind.setItemLabelGenerator(k -> switch (k) {
            case PARTY -> "Party group: members of your party (" + myParty + ") only";
            case LOCAL -> "Local group: across parties, in one or more constituencies";
            case ALLIANCE -> "Alliance: a national cross-party body";
        });
        kind.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        kind.setValue(GroupKind.LOCAL);
        description.setMaxLength(2000);
        description.setMinHeight("6rem");
        constituencies.setHelperText("One per line: a name, optionally with its ONS code, e.g. Bristol Central (E14001131).");
        constituencies.setMinHeight("8rem");
        constituencies.setMaxLength(8000);
        kind.addValueChangeListener(e -> constituencies.setVisible(e.getValue() == GroupKind.LOCAL));

        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setDisableOnClick(true);
        create.addClickListener(e -> {
            Forms.clear(name, kind, description, constituencies);
            try {
                long id = groups.create(new NewGroup(name.getValue(), kind.getValue(), description.getValue(), constituencies.getValue()));
                Forms.success("Group created. You are its convenor.");
                getUI().ifPresent(ui -> ui.navigate(GroupView.class, new RouteParameters("groupId", String.valueOf(id))));
            } catch (InvalidInputException problem) {
                Forms.show(problem, Map.of("name", name, "kind", kind, "description", description, "constituencies", constituencies));
            } finally {
                create.setEnabled(true);
            }
        });
        FormLayout form = new FormLayout(name, kind, description, constituencies);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setMaxWidth("40rem");
        add(new H2("Start a group"), form, create);
    }
}
