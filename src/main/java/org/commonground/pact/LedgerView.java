package org.commonground.pact;

import java.util.List;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.commonground.pact.terms.ReciprocityLedger;

/** Who gave way where: per party, across the ratified pacts the member may read, with links to the pacts. */
@Route("pacts/ledger")
@PageTitle("Reciprocity ledger · Common Ground")
@PermitAll
public class LedgerView extends VerticalLayout {

    public LedgerView(PactService pacts) {
        addClassName("cg-page");
        add(new H2("Reciprocity ledger"),
                new Paragraph("For each party, across ratified pacts: where it stood down for another party's candidate, where others stood down for its "
                        + "candidate, and the balance (stood down for it, minus stood down). Each party standing down in a seat counts once. "
                        + "Paper candidates (standing without campaigning) and candidates who withdrew after nominations closed (still on the ballot "
                        + "paper) are listed apart and do not count in the balance. A party not standing, because it never contests the seat, gives "
                        + "nothing and is not listed. A stand-down for an independent counts for the party that stood down; no party receives it."));
        List<ReciprocityLedger.PartyAccount> accounts = pacts.ledger();
        if (accounts.isEmpty()) {
            add(new Paragraph("No ratified pacts in your groups yet."));
        }
        for (ReciprocityLedger.PartyAccount account : accounts) {
            Div section = new Div(new H3(account.party() + ": balance " + (account.balance() > 0 ? "+" : "") + account.balance()));
            section.addClassName("cg-section");
            section.getElement().setAttribute("data-party", account.party());
            column(section, "Stood down in ", account.stoodDown(), "for");
            column(section, "Others stood down for it in ", account.stoodDownFor(), "by");
            column(section, "Ran a paper candidate for others in ", account.paperCandidates(), "for");
            column(section, "Others ran a paper candidate for it in ", account.paperCandidatesFor(), "by");
            column(section, "Its candidate withdrew after nominations closed (still on the ballot paper) for others in ", account.lateWithdrawals(), "for");
            column(section, "Others' candidates withdrew after nominations closed (still on the ballot paper) for it in ", account.lateWithdrawalsFor(), "by");
            add(section);
        }
    }

    /** One of a party's six columns: how many seats, then the seats; "no seats." alone when there are none. */
    private static void column(Div section, String lead, List<ReciprocityLedger.Entry> entries, String relation) {
        int seats = entries.size();
        if (seats == 0) {
            section.add(new Paragraph(lead + "no seats."));
            return;
        }
        UnorderedList list = new UnorderedList();
        for (ReciprocityLedger.Entry e : entries) {
            list.add(new ListItem(new Anchor("constituencies/" + e.onsCode(), e.constituency()),
                    new com.vaadin.flow.component.html.Span(" " + relation + " " + e.otherParty() + ", in "),
                    new Anchor("pacts/" + e.pactId(), e.pactTitle())));
        }
        section.add(new Paragraph(lead + seats + (seats == 1 ? " seat:" : " seats:")), list);
    }
}
