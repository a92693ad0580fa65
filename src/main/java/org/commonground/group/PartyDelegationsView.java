package org.commonground.group;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.springframework.security.access.AccessDeniedException;

/** For a party's organisers: its delegates in every local and alliance group where it has confirmed members. */
@Route("party/delegations")
@PageTitle("Delegations · Common Ground")
@PermitAll
public class PartyDelegationsView extends VerticalLayout implements BeforeEnterObserver {

    private final DelegationService delegations;

    public PartyDelegationsView(DelegationService delegations) {
        this.delegations = delegations;
        addClassName("cg-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show();
    }

    private void show() {
        removeAll();
        add(new H2("Your party's delegations"));
        try {
            add(new PartyDelegationsPanel(delegations, "Groups where your party has confirmed members",
                    "In each local and alliance group, your party's delegates choose how it ratifies a pact there. You, as an organiser, "
                            + "appoint and remove them; so can its delegates in that group.", delegations.myPartysDelegations(), true, this::show));
        } catch (AccessDeniedException notAnOrganiser) {
            add(new Paragraph(notAnOrganiser.getMessage()));
        }
    }
}
