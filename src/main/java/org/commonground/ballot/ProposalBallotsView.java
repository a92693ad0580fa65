package org.commonground.ballot;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import org.commonground.ballot.rules.DecisionRule;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.proposal.Amendment;
import org.commonground.proposal.AmendmentService;
import org.commonground.proposal.ProposalDetails;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.shared.Dates;
import org.commonground.shared.InvalidInputException;
import org.commonground.ui.Confirmation;
import org.commonground.ui.Cards;
import org.commonground.ui.Forms;
import org.springframework.security.access.AccessDeniedException;

/** A proposal's ballots, and for its convenors a form to open one on the final text or an open amendment. */
@Route("proposals/:proposalId(\\d+)/ballots")
@PageTitle("Ballots · Common Ground")
@PermitAll
public class ProposalBallotsView extends VerticalLayout implements BeforeEnterObserver {

    private static final String FINAL_TEXT = "The final text";

    private final BallotService ballots;
    private final ProposalService proposals;
    private final AmendmentService amendments;
    private final GroupService groups;
    final Select<String> subject = new Select<>();
    final Select<DecisionRule> rule = new Select<>();
    final IntegerField overallQuorum = new IntegerField("Overall quorum (%)");
    final IntegerField partyQuorum = new IntegerField("Quorum in each party (%)");
    final Checkbox secret = new Checkbox("Secret ballot: nobody sees who voted how");
    final DateTimePicker closesAt = new DateTimePicker("Closes at (leave empty to close by hand)");
    final Button open = new Button("Open ballot");
    private long proposalId;

    public ProposalBallotsView(BallotService ballots, ProposalService proposals, AmendmentService amendments, GroupService groups) {
        this.ballots = ballots;
        this.proposals = proposals;
        this.amendments = amendments;
        this.groups = groups;
        addClassName("cg-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        proposalId = event.getRouteParameters().getLong("proposalId").orElse(0L);
        refresh();
    }

    private void refresh() {
        removeAll();
        ProposalDetails details;
        try {
            details = proposals.details(proposalId);
        } catch (InvalidInputException notReadable) {
            add(new H2("Proposal not found"), new Paragraph(notReadable.getMessage()));
            return;
        }
        add(new H2("Ballots on \u201c" + details.proposal().title() + "\u201d"), new Anchor("proposals/" + proposalId, "Back to the proposal"));
        ProposalState state = details.proposal().state();
        // Once the proposal is decided or withdrawn there is nothing left to put to the vote, nor to explain how.
        boolean undecided = state == ProposalState.DRAFT || state == ProposalState.DISCUSSION || state == ProposalState.VOTING;
        if (undecided && groups.details(details.proposal().groupId()).summary().isConvenor()) {
            add(openForm(details));
        }
        List<Long> ids = ballots.ballotsOf(proposalId);
        if (ids.isEmpty()) {
            add(new Paragraph("No ballots yet."));
        }
        Div cards = new Div();
        cards.addClassName("cg-cards");
        for (long id : ids) {
            BallotDetails b = ballots.details(id);
            cards.add(Cards.withBadge("ballots/" + id, b.subject(), BallotBadge.of(b),
                    new Paragraph(b.rule().label() + (b.secret() ? ", secret" : ", open") + " \u00b7 " + b.electorateLine()),
                    new Paragraph("Opened " + Dates.dayAndTime(b.openedAt()) + (b.closesAt() != null && b.isOpen() ? ", closes " + Dates.dayAndTime(b.closesAt()) : ""))));
        }
        add(cards);
    }

    private Div openForm(ProposalDetails details) {
        List<String> subjects = new ArrayList<>();
        Map<String, Long> amendmentIds = new java.util.HashMap<>();
        if (details.proposal().state() == ProposalState.VOTING) {
            subjects.add(FINAL_TEXT);
        }
        if (details.proposal().state() == ProposalState.DISCUSSION) {
            for (Amendment a : amendments.list(proposalId)) {
                if (a.isOpen()) {
                    subjects.add(a.citation());
                    amendmentIds.put(a.citation(), a.id());
                }
            }
        }
        Div box = new Div(new H3("Open a ballot"));
        box.addClassName("cg-card");
        if (subjects.isEmpty()) {
            box.add(new Paragraph("Move the proposal to voting to ballot on its final text, or, during discussion, put an open amendment to the vote."));
            return box;
        }
        subject.setLabel("On");
        subject.setItems(subjects);
        subject.setValue(subjects.getFirst());
        rule.setLabel("Decision rule");
        rule.setItems(DecisionRule.values());
        rule.setItemLabelGenerator(DecisionRule::label);
        GroupKind kind = groups.details(details.proposal().groupId()).summary().kind();
        rule.setValue(kind == GroupKind.PARTY ? DecisionRule.SIMPLE_MAJORITY : DecisionRule.CONCURRENT_MAJORITY);
        overallQuorum.setValue(20);
        partyQuorum.setValue(20);
        for (IntegerField f : List.of(overallQuorum, partyQuorum)) {
            f.setMin(0);
            f.setMax(100);
        }
        partyQuorum.setHelperText("Used by the concurrent majority.");
        closesAt.setMin(LocalDateTime.now());
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        open.addClickListener(e -> {
            Forms.clear(overallQuorum, partyQuorum, closesAt);
            if (overallQuorum.getValue() == null || partyQuorum.getValue() == null) {
                Forms.show(new InvalidInputException(overallQuorum.getValue() == null ? "overallQuorum" : "partyQuorum", "Enter a percentage from 0 to 100."),
                        Map.of("overallQuorum", overallQuorum, "partyQuorum", partyQuorum));
                return;
            }
            int electors;
            try {
                electors = ballots.electorateNow(proposalId);
            } catch (AccessDeniedException denied) {
                Forms.error(denied.getMessage());
                return;
            }
            Confirmation.ask(open, "Open a ballot on " + (FINAL_TEXT.equals(subject.getValue()) ? "the final text" : subject.getValue())
                            + " for the " + electors + (electors == 1 ? " member" : " members") + " of " + details.groupName() + "?",
                    (electors == 1 ? "They are" : "They are each") + " notified and can vote "
                            + (closesAt.getValue() == null ? "until a convenor closes the ballot." : "until " + Dates.dayAndTime(closesAt.getValue()) + ".")
                            + " Members whose party has not confirmed them are left out. Its rule and secrecy cannot be changed once open.",
                    "Open the ballot", () -> openBallot(amendmentIds.get(subject.getValue())));
        });
        FormLayout form = new FormLayout(subject, rule, overallQuorum, partyQuorum, closesAt, secret);
        form.setMaxWidth("48rem");
        box.add(form, open);
        return box;
    }

    private void openBallot(Long amendmentId) {
        try {
            long id = ballots.open(proposalId, amendmentId, new BallotSettings(rule.getValue(), secret.getValue(),
                    overallQuorum.getValue(), partyQuorum.getValue(),
                    closesAt.getValue() == null ? null : closesAt.getValue().atZone(Dates.ZONE).toOffsetDateTime()));
            getUI().ifPresent(ui -> ui.navigate(BallotView.class, new RouteParameters("ballotId", String.valueOf(id))));
        } catch (InvalidInputException problem) {
            Forms.show(problem, Map.of("overallQuorum", overallQuorum, "partyQuorum", partyQuorum, "closesAt", closesAt));
        } catch (AccessDeniedException denied) {
            Forms.error(denied.getMessage());
        }
    }
}
