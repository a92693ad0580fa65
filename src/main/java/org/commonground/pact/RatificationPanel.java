package org.commonground.pact;

import java.time.LocalDateTime;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.commonground.ballot.BallotSettings;
import org.commonground.ballot.rules.DecisionRule;
import org.commonground.group.DelegationMember;
import org.commonground.pact.PactRatificationService.RatificationPlan;
import org.commonground.shared.Dates;
import org.commonground.shared.InvalidInputException;
import org.commonground.ui.Confirmation;
import org.commonground.ui.Forms;
import org.commonground.ui.PartyMarker;
import org.springframework.security.access.AccessDeniedException;

/**
 * The pact page's ratification: a convenor sends the pact to ratification; each party's status (updated live);
 * for a delegate, the form choosing how their party ratifies; for the delegate it named, signing for it.
 */
class RatificationPanel extends Div {

    private static final String BY_BALLOT = "A ballot of its confirmed members in the pact's groups";
    private static final String BY_DELEGATE = "One of its delegates signing for it";

    private final PactRatificationService ratification;
    private final long pactId;
    private final Runnable changed;
    private final Div status = new Div();

    RatificationPanel(PactRatificationService ratification, PactDetails d, Runnable changed) {
        this.ratification = ratification;
        this.pactId = d.summary().id();
        this.changed = changed;
        addClassName("cg-section");
        if (d.convenor() && d.state() == PactState.NEGOTIATING) {
            add(sendForm());
        }
        if (d.round() == 0) {
            return;
        }
        add(new H3("Ratification" + (d.round() > 1 ? " (round " + d.round() + ")" : "")));
        status.getElement().setAttribute("aria-live", "polite");
        update(d);
        add(status);
        d.chooseFor().forEach(party -> add(planForm(party)));
        d.signFor().forEach(party -> add(signForm(d, party)));
    }

    private Div sendForm() {
        Span problem = new Span();
        problem.addClassName("cg-error");
        problem.getElement().setAttribute("role", "alert");
        Button send = new Button("Send to ratification", e -> {
            try {
                ratification.startRatification(pactId);
                changed.run();
            } catch (InvalidInputException | AccessDeniedException refused) {
                problem.setText(refused.getMessage());
            }
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return new Div(new H3("Send to ratification"),
                new Paragraph("Every party named in the terms then ratifies in its own way: its delegates in this group choose "
                        + "a ballot of its members or one of them signing for it, and a ballot's rule, secrecy and closing time."),
                problem, send);
    }

    /** Each party's place in the round; redrawn in place when someone else acts. */
    void update(PactDetails d) {
        status.removeAll();
        for (Ratification r : d.ratifications()) {
            Div row = new Div();
            row.addClassName("cg-ratification");
            String state = !r.pending() ? (r.verdict().equals("RATIFIED") ? "ratified" : "rejected") : r.choosing() ? "choosing" : "waiting";
            row.add(PartyMarker.of(r.party(), r.partyColour()));
            if (r.choosing()) {
                row.add(new Span(" waiting for " + r.party() + " to choose how it ratifies"));
            } else if (r.method() == RatificationMethod.BALLOT) {
                row.add(new Span(" " + state + " · "), new Anchor("ballots/" + r.ballotId(), "ballot of its members"),
                        new Span(" (" + r.voted() + " of " + r.electorate() + " voted)"));
            } else {
                row.add(new Span(" " + state + " · " + (r.pending() ? "to be signed by its delegate " : "signed by its delegate ") + r.representativeName()));
            }
            if (!r.pending()) {
                row.add(new Span(" · " + (r.decidedByName() == null ? "" : r.decidedByName() + ", ") + Dates.dayAndTime(r.decidedAt())
                        + (r.reason().isBlank() ? "" : ". " + r.reason())));
            }
            row.getElement().setAttribute("data-party", r.party());
            row.getElement().setAttribute("data-status", state);
            status.add(row);
        }
    }

    private Div planForm(String party) {
        Div form = new Div(new H4("How " + party + " ratifies"),
                new Paragraph("You are one of " + party + "'s delegates in the pact's groups. The first delegate to choose decides for " + party + "; no other party sees this form."));
        form.addClassName("cg-card");
        RadioButtonGroup<String> method = new RadioButtonGroup<>(party + " ratifies by");
        method.setItems(BY_BALLOT, BY_DELEGATE);
        method.setValue(BY_BALLOT);
        Select<DelegationMember> representative = new Select<>();
        representative.setLabel("Delegate who signs for " + party);
        representative.setItems(ratification.possibleRepresentatives(pactId, party));
        representative.setItemLabelGenerator(DelegationMember::displayName);
        Select<DecisionRule> rule = new Select<>();
        rule.setLabel("The ballot decides by");
        rule.setItems(DecisionRule.SIMPLE_MAJORITY, DecisionRule.SUPERMAJORITY, DecisionRule.CONSENSUS);
        rule.setItemLabelGenerator(DecisionRule::label);
        rule.setValue(DecisionRule.SIMPLE_MAJORITY);
        Checkbox secret = new Checkbox("Secret (only totals are shown)", true);
        DateTimePicker closesAt = new DateTimePicker("Closes at");
        closesAt.setHelperText("Leave empty and a delegate closes it by hand.");
        closesAt.setValue(LocalDateTime.now().plusDays(7).withSecond(0).withNano(0));
        FlexLayout ballotSettings = new FlexLayout(rule, closesAt, secret);
        ballotSettings.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        ballotSettings.setAlignItems(Alignment.BASELINE);
        ballotSettings.addClassName("cg-terms-row");
        representative.setVisible(false);
        method.addValueChangeListener(e -> {
            representative.setVisible(BY_DELEGATE.equals(e.getValue()));
            ballotSettings.setVisible(BY_BALLOT.equals(e.getValue()));
        });
        Span problem = new Span();
        problem.addClassName("cg-error");
        problem.getElement().setAttribute("role", "alert");
        Button choose = new Button("Choose for " + party);
        choose.addClickListener(e -> Confirmation.ask(choose, "Choose how " + party + " ratifies?",
                BY_DELEGATE.equals(method.getValue())
                        ? "The delegate you name gives or refuses " + party + "'s consent to the whole pact for it."
                        : "A ballot opens now for " + party + "'s confirmed members in this group, who are notified; its result binds " + party + ".",
                "Choose for " + party + " now", () -> {
            problem.setText("");
            Forms.clear(closesAt, representative);
            RatificationPlan plan = BY_DELEGATE.equals(method.getValue())
                    ? new RatificationPlan(RatificationMethod.REPRESENTATIVE, representative.getValue() == null ? null : representative.getValue().memberId(), null)
                    : RatificationPlan.byBallot(new BallotSettings(rule.getValue(), secret.getValue(), 0, 0,
                    closesAt.getValue() == null ? null : closesAt.getValue().atZone(Dates.ZONE).toOffsetDateTime()));
            try {
                ratification.choosePlan(pactId, party, plan);
                changed.run();
            } catch (InvalidInputException refused) {
                Forms.show(refused, Map.of("closesAt", closesAt, "representative", representative));
                if (refused.messageFor("closesAt") == null && refused.messageFor("representative") == null) {
                    problem.setText(refused.getMessage());
                }
            } catch (AccessDeniedException refused) {
                problem.setText(refused.getMessage());
            }
        }));
        choose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        form.add(method, representative, ballotSettings, problem, choose);
        return form;
    }

    private Div signForm(PactDetails d, String party) {
        PactSummary pact = d.summary();
        // Its members across the groups that ratify the pact: the home group and any that joined it.
        String where = String.join(" and ", d.groups().stream().filter(g -> g.part().ratifies()).map(PactGroup::name).toList());
        TextField reason = new TextField("Reason (needed to reject)");
        reason.setMaxLength(PactService.MAX_REASON);
        Button ratify = new Button("Ratify for " + party, e -> Confirmation.ask(e.getSource(), "Ratify the pact for " + party + "?",
                "This records " + party + "'s consent to \u201c" + pact.title() + "\u201d, revision " + pact.currentRevision() + ", on behalf of its "
                        + confirmedMembers(party) + " in " + where + ". It cannot be taken back.",
                "Give " + party + "'s consent", () -> sign(party, true, reason)));
        ratify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // Rejecting asks nothing more: it needs a reason typed first, and the negotiation resumes from it.
        Button reject = new Button("Reject for " + party, e -> sign(party, false, reason));
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        FlexLayout row = new FlexLayout(reason, ratify, reject);
        row.setAlignItems(Alignment.BASELINE);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.addClassName("cg-actions");
        return new Div(new Paragraph(party + "'s delegates named you to sign for " + party + "."), row);
    }

    private String confirmedMembers(String party) {
        int confirmed = ratification.confirmedMembers(pactId, party);
        return confirmed + (confirmed == 1 ? " confirmed member" : " confirmed members");
    }

    private void sign(String party, boolean ratify, TextField reason) {
        Forms.clear(reason);
        try {
            ratification.sign(pactId, party, ratify, reason.getValue());
            changed.run();
        } catch (InvalidInputException problem) {
            Forms.show(problem, Map.of("reason", reason));
        } catch (AccessDeniedException denied) {
            Forms.error(denied.getMessage());
        }
    }
}
