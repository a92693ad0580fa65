package org.commonground.proposal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;
import org.commonground.proposal.text.TextHtml;
import org.commonground.security.SignedInMember;
import org.commonground.shared.InvalidInputException;
import org.commonground.ui.Confirmation;
import org.commonground.ui.Forms;
import org.commonground.ui.PartyMarker;
import org.springframework.security.access.AccessDeniedException;

/**
 * Compromises on the amendments panel: the form an author or convenor offers one with, and on each card what a
 * compromise replaces (whose, of which party, and how each answered), or, on an amendment, the compromises offered
 * in its place with its proposer's answer buttons.
 */
class CompromisePart {

    final CheckboxGroup<Amendment> replaces = new CheckboxGroup<>("Replaces");
    final TextArea text = new TextArea("Compromise text");
    final TextArea reason = new TextArea("Reason for the compromise");
    final Button preview = new Button("Show the changes");
    final Button propose = new Button("Propose compromise");
    private final Div changes = new Div();
    private final Paragraph startNote = new Paragraph();

    private final CompromiseService compromises;
    private final AmendmentService amendments;
    private final ProposalDetails details;
    private final SignedInMember me;
    private final Runnable onChange;
    private final List<CompromiseOffer> offers;

    CompromisePart(CompromiseService compromises, AmendmentService amendments, ProposalDetails details, SignedInMember me, Runnable onChange) {
        this.compromises = compromises;
        this.amendments = amendments;
        this.details = details;
        this.me = me;
        this.onChange = onChange;
        this.offers = compromises.offers(details.proposal().id());
    }

    /** The form, for those who decide on amendments, while any amendment is open to be replaced. */
    Optional<Component> form(List<Amendment> list) {
        List<Amendment> open = list.stream().filter(Amendment::isOpen).toList();
        if (!details.canDecideAmendments() || open.isEmpty()) {
            return Optional.empty();
        }
        long proposalId = details.proposal().id();
        int revision = details.current().number();
        replaces.setItems(open);
        replaces.setItemLabelGenerator(a -> a.citation() + " (" + a.proposerParty() + ", " + a.proposerName() + ")");
        replaces.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        replaces.setHelperText("Their proposers are each asked to accept the compromise or keep theirs for the vote.");
        text.setWidthFull();
        text.setMaxLength(ProposalService.MAX_BODY);
        text.setValue(details.current().body());
        text.setHelperText("Starts as the current text; choosing amendments above applies those that do not collide with one another.");
        reason.setWidthFull();
        reason.setMaxLength(5000);
        replaces.addValueChangeListener(e -> {
            CompromiseStart start = compromises.startingText(proposalId, e.getValue().stream().map(Amendment::id).collect(Collectors.toSet()));
            text.setValue(start.text());
            startNote.setText(start.leftOut().isEmpty() ? ""
                    : numbers(start.leftOut()) + " collide" + (start.leftOut().size() == 1 ? "s" : "") + " with " + numbers(start.applied())
                    + " and " + (start.leftOut().size() == 1 ? "is" : "are") + " not applied: work the wording in by hand.");
            changes.removeAll();
        });
        startNote.getElement().setAttribute("aria-live", "polite");
        changes.getElement().setAttribute("aria-live", "polite");
        preview.addClickListener(e -> {
            Forms.clear(text);
            changes.removeAll();
            try {
                List<AmendmentPassage> passages = amendments.previewEdit(proposalId, revision, text.getValue());
                if (passages.isEmpty()) {
                    changes.add(new Paragraph("Nothing has changed yet."));
                }
                for (AmendmentPassage p : passages) {
                    changes.add(new Paragraph(p.lines().substring(0, 1).toUpperCase() + p.lines().substring(1) + ":"), new Html(TextHtml.diff(p.diff())));
                }
            } catch (InvalidInputException problem) {
                Forms.show(problem, Map.of("text", text));
            }
        });
        propose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        propose.addClickListener(e -> {
            Forms.clear(replaces, text, reason);
            try {
                Amendment c = compromises.propose(proposalId, revision, text.getValue(), reason.getValue(),
                        replaces.getValue().stream().map(Amendment::id).collect(Collectors.toSet()));
                Forms.success("Compromise " + c.citation() + " proposed; its proposers are asked.");
                onChange.run();
            } catch (InvalidInputException problem) {
                Forms.show(problem, Map.of("replaces", replaces, "text", text, "reason", reason));
            } catch (AccessDeniedException denied) {
                Forms.error(denied.getMessage());
            }
        });
        Details form = new Details("Propose a compromise", new Div(replaces, startNote, text, preview, changes, reason, propose));
        form.addClassName("cg-compromise-form");
        return Optional.of(form);
    }

    /** On a compromise: what it replaces and the answers; on an amendment: the compromises offered for it. */
    Optional<Component> forCard(Amendment a) {
        List<CompromiseOffer> mine = offers.stream().filter(o -> a.compromise() ? o.compromiseId() == a.id() : o.amendmentId() == a.id()).toList();
        if (mine.isEmpty()) {
            return Optional.empty();
        }
        Div box = new Div();
        box.addClassName("cg-compromise");
        if (a.compromise()) {
            Paragraph replacesLine = new Paragraph("Replaces ");
            UnorderedList answers = new UnorderedList();
            for (int i = 0; i < mine.size(); i++) {
                CompromiseOffer o = mine.get(i);
                replacesLine.add(new Span((i == 0 ? "" : ", ") + "A" + o.amendmentNumber() + " ("), PartyMarker.of(o.partyCode(), o.partyColour()),
                        new Span(" " + o.partyName() + ")"));
                answers.add(new ListItem("A" + o.amendmentNumber() + ", " + o.proposerName() + ": " + o.answer().label()
                        + (o.comment().isBlank() ? "" : ": \u201c" + o.comment() + "\u201d")));
            }
            box.add(replacesLine, answers);
            return Optional.of(box);
        }
        for (CompromiseOffer o : mine) {
            String answer = switch (o.answer()) {
                case ASKED -> "awaiting its proposer's answer.";
                case ACCEPTED -> "its proposer accepted it.";
                case KEPT -> "its proposer keeps this one for the vote: \u201c" + o.comment() + "\u201d";
            };
            box.add(new Paragraph("Compromise A" + o.compromiseNumber() + " is offered in its place; " + answer));
            if (o.answer() == OfferAnswer.ASKED && o.proposerId() == me.id() && a.isOpen() && details.proposal().state() == ProposalState.DISCUSSION) {
                box.add(answer(o));
            }
        }
        return Optional.of(box);
    }

    private Div answer(CompromiseOffer o) {
        TextArea comment = new TextArea("Your comment on A" + o.compromiseNumber());
        comment.setMaxLength(5000);
        comment.setWidthFull();
        comment.setHelperText("Shown beside the compromise. Needed if you keep yours.");
        Button accept = new Button("Accept the compromise", e -> confirm(e.getSource(), "Accept compromise A" + o.compromiseNumber() + "?",
                "A" + o.amendmentNumber() + " is withdrawn in its favour.", "Accept and withdraw mine", o, true, comment));
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        Button keep = new Button("Keep mine for the vote", e -> confirm(e.getSource(), "Keep A" + o.amendmentNumber() + " for the vote?",
                "It stays open beside compromise A" + o.compromiseNumber() + ", with your comment.", "Keep mine", o, false, comment));
        keep.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Div actions = new Div(accept, keep);
        actions.addClassName("cg-card-footer");
        return new Div(comment, actions);
    }

    private void confirm(Component trigger, String header, String text, String confirmText, CompromiseOffer o, boolean accept, TextArea comment) {
        Confirmation.ask(trigger, header, text, confirmText, () -> {
            Forms.clear(comment);
            try {
                compromises.answer(o.compromiseId(), o.amendmentId(), accept, comment.getValue());
                Forms.success(accept ? "A" + o.amendmentNumber() + " withdrawn in favour of A" + o.compromiseNumber() + "."
                        : "A" + o.amendmentNumber() + " kept for the vote.");
                onChange.run();
            } catch (InvalidInputException problem) {
                Forms.show(problem, Map.of("comment", comment));
            } catch (AccessDeniedException denied) {
                Forms.error(denied.getMessage());
            }
        });
    }

    private static String numbers(List<Integer> numbers) {
        return numbers.stream().map(n -> "A" + n).collect(Collectors.joining(", "));
    }
}
