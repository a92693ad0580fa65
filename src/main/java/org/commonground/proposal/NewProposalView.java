package org.commonground.proposal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import org.commonground.shared.InvalidInputException;
import org.commonground.ui.Forms;
import org.springframework.security.access.AccessDeniedException;

@Route("groups/:groupId(\\d+)/proposals/new")
@PageTitle("New proposal · Common Ground")
@PermitAll
public class NewProposalView extends VerticalLayout implements BeforeEnterObserver {

    final ProposalForm form = new ProposalForm();
    final Button create = new Button("Save draft");
    private long groupId;

    public NewProposalView(ProposalService proposals) {
        addClassName("cg-page");
        form.note.setVisible(false);
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setDisableOnClick(true);
        create.addClickListener(e -> {
            form.clearErrors();
            try {
                long id = proposals.create(groupId, form.draft());
                Forms.success("Draft saved. Only its authors and the group's convenors can see it until it goes to discussion.");
                getUI().ifPresent(ui -> ui.navigate(ProposalView.class, new RouteParameters("proposalId", String.valueOf(id))));
            } catch (InvalidInputException problem) {
                form.show(problem);
            } catch (AccessDeniedException denied) {
                Forms.error(denied.getMessage());
            } finally {
                create.setEnabled(true);
            }
        });
        add(new H2("New proposal"), form, create);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        groupId = event.getRouteParameters().getLong("groupId").orElse(0L);
    }
}
