package org.commonground.proposal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import org.commonground.proposal.text.MergePlan;
import org.commonground.proposal.text.TextHtml;
import org.commonground.proposal.text.WordDiff;
import org.commonground.shared.InvalidInputException;
import org.commonground.shared.Numbers;
import org.commonground.ui.Confirmation;
import org.commonground.ui.Focus;
import org.commonground.ui.Forms;
import org.commonground.ui.PartyMarker;
import org.springframework.security.access.AccessDeniedException;

/**
 * Merging several amendments in one step: the authors or the convenor choose the amendments ({@code ?a=1,3}, by
 * number), see each collision's passages side by side (the current text and each amendment's wording, as word
 * diffs), resolve each (keep, take one, or combine in a prefilled text) with a preview of the result, and merge them
 * into one new revision after a confirmation saying what becomes of each amendment.
 */
@Route("proposals/:proposalId(\\d+)/merge")
@PageTitle("Merge amendments · Common Ground")
@PermitAll
public class MergeView extends VerticalLayout implements BeforeEnterObserver {

    /** A choice in a collision's radio group. */
    private record Choice(String label, MergePlan.Resolution resolution) {
    }

    private static final MergePlan.Combine COMBINE = new MergePlan.Combine("");

    private final AmendmentService amendmentService;
    private final AmendmentMerging merging;
    final CheckboxGroup<Amendment> chosen = new CheckboxGroup<>("Amendments to merge");
    final Div collisions = new Div();
    final Button merge = new Button("Merge into a new revision");
    private final Paragraph summary = new Paragraph();
    private final Map<Integer, RadioButtonGroup<Choice>> choices = new HashMap<>();
    private final Map<Integer, TextArea> combined = new HashMap<>();
    private long proposalId;
    private AmendmentMerging.Plan plan;

    public MergeView(AmendmentService amendmentService, AmendmentMerging merging) {
        this.amendmentService = amendmentService;
        this.merging = merging;
        addClassName("cg-page");
        chosen.setItemLabelGenerator(a -> a.citation() + " by " + a.proposerName() + " (" + a.proposerParty() + ")");
        chosen.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                // The address follows the choice, so a reload or a shared link shows the same merge.
                getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, new Location("proposals/" + proposalId + "/merge",
                        query(e.getValue().stream().map(Amendment::number).toList()))));
                replan(e.getValue());
            }
        });
        collisions.addClassName("cg-merge-collisions");
        merge.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        merge.addClickListener(e -> confirm());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        proposalId = event.getRouteParameters().getLong("proposalId").orElse(0L);
        Set<Integer> numbers = new LinkedHashSet<>();
        // ?a=1&a=3, as this view writes it, or ?a=1,3, as a member would type it.
        for (String value : event.getLocation().getQueryParameters().getParameters().getOrDefault("a", List.of())) {
            for (String n : value.split(",")) {
                if (n.strip().matches("\\d{1,6}")) {
                    numbers.add(Integer.parseInt(n.strip()));
                }
            }
        }
        removeAll();
        List<Amendment> open;
        try {
            open = amendmentService.list(proposalId).stream().filter(Amendment::isOpen).toList();
        } catch (InvalidInputException notReadable) {
            add(new H2("Proposal not found"), new Paragraph(notReadable.getMessage()));
            return;
        }
        RouterLink back = new RouterLink("Back to the proposal", ProposalView.class, new RouteParameters("proposalId", String.valueOf(proposalId)));
        chosen.setItems(open);
        chosen.setHelperText("Passages that collide with no other chosen amendment are taken as proposed.");
        add(back, new H2("Merge amendments"), chosen, summary, collisions, merge);
        chosen.setValue(open.stream().filter(a -> numbers.contains(a.number())).collect(Collectors.toCollection(LinkedHashSet::new)));
        replan(chosen.getValue());
    }

    /** Plans the merge of {@code selection} and shows its collisions. */
    private void replan(Set<Amendment> selection) {
        collisions.removeAll();
        choices.clear();
        combined.clear();
        plan = null;
        merge.setEnabled(false);
        if (selection.isEmpty()) {
            summary.setText("Choose the amendments to merge.");
            return;
        }
        try {
            plan = merging.plan(proposalId, selection.stream().map(Amendment::id).collect(Collectors.toSet()));
        } catch (InvalidInputException | AccessDeniedException refused) {
            summary.setText(refused.getMessage());
            return;
        }
        List<MergePlan.Collision> found = plan.collisions();
        summary.setText("Merging " + MergePlan.cite(plan.merge().amendments()) + " into revision " + (plan.revision() + 1) + ". "
                + (found.isEmpty() ? "They collide nowhere: every passage is taken as proposed."
                : found.size() == 1 ? "They collide in one place: choose how to resolve it." : "They collide in " + found.size()
                + " places: choose how to resolve each."));
        Map<Integer, Amendment> byNumber = selection.stream().collect(Collectors.toMap(Amendment::number, a -> a));
        for (MergePlan.Collision c : found) {
            collisions.add(collision(c, byNumber));
        }
        merge.setEnabled(true);
    }

    private Div collision(MergePlan.Collision c, Map<Integer, Amendment> byNumber) {
        Div section = new Div();
        section.addClassNames("cg-card", "cg-merge-collision");
        H3 heading = new H3("On " + c.lines() + ": " + MergePlan.cite(c.amendments()) + " collide");
        Div sides = new Div();
        sides.addClassName("cg-merge-sides");
        sides.add(side(new H4("Current text"), new Html(TextHtml.diff(List.of(new WordDiff.Segment(WordDiff.Kind.SAME, c.current()))))));
        for (int n : c.amendments()) {
            Amendment a = byNumber.get(n);
            H4 title = new H4("A" + n + ", " + a.proposerName() + " ");
            title.add(PartyMarker.of(a.proposerParty(), a.proposerColour()));
            sides.add(side(title, new Html(TextHtml.diff(WordDiff.diff(c.current(), c.wordings().get(n))))));
        }
        List<Choice> options = new ArrayList<>();
        options.add(new Choice("Keep the current text", new MergePlan.Keep()));
        c.amendments().forEach(n -> options.add(new Choice("Take A" + n + "'s wording", new MergePlan.Take(n))));
        options.add(new Choice("Combine them in a text of your own", COMBINE));
        RadioButtonGroup<Choice> choice = new RadioButtonGroup<>("Resolve " + c.lines(), options);
        choice.setItemLabelGenerator(Choice::label);
        choice.addClassName("cg-merge-choice");
        TextArea text = new TextArea("Combined text for " + c.lines());
        text.setValue(c.combined());
        text.setHelperText("Starts from " + "A" + c.amendments().getFirst() + "'s wording with the others' changes added where they touch other words.");
        text.setWidthFull();
        text.setMaxLength(AmendmentService.MAX_REPLACEMENT);
        text.setVisible(false);
        Div preview = new Div();
        preview.addClassName("cg-merge-preview");
        preview.getElement().setAttribute("aria-live", "polite");
        Runnable show = () -> {
            preview.removeAll();
            resolution(c.number()).ifPresent(r -> {
                if (r instanceof MergePlan.Combine m && m.text().length() > AmendmentService.MAX_REPLACEMENT) {
                    preview.add(new Paragraph("The combined text can be at most " + Numbers.grouped(AmendmentService.MAX_REPLACEMENT) + " characters."));
                    return;
                }
                String result = switch (r) {
                    case MergePlan.Keep k -> c.current();
                    case MergePlan.Take t -> c.wordings().get(t.amendment());
                    case MergePlan.Combine m -> m.text();
                };
                preview.add(new Paragraph("The result on " + c.lines() + ", compared with the current text:"),
                        new Html(TextHtml.diff(WordDiff.diff(c.current(), result))));
            });
        };
        choice.addValueChangeListener(e -> {
            text.setVisible(e.getValue() != null && e.getValue().resolution() == COMBINE);
            if (text.isVisible() && e.isFromClient()) {
                Focus.on(text);
            }
            show.run();
        });
        text.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        text.addValueChangeListener(e -> show.run());
        choices.put(c.number(), choice);
        combined.put(c.number(), text);
        section.add(heading, sides, choice, text, preview);
        return section;
    }

    private static Div side(com.vaadin.flow.component.Component title, Html diff) {
        Div side = new Div(title, diff);
        side.addClassName("cg-merge-side");
        return side;
    }

    private Optional<MergePlan.Resolution> resolution(int collision) {
        Choice c = choices.get(collision).getValue();
        if (c == null) {
            return Optional.empty();
        }
        return Optional.of(c.resolution() == COMBINE ? new MergePlan.Combine(combined.get(collision).getValue()) : c.resolution());
    }

    private Map<Integer, MergePlan.Resolution> resolutions() {
        Map<Integer, MergePlan.Resolution> chosen = new HashMap<>();
        choices.keySet().forEach(n -> resolution(n).ifPresent(r -> chosen.put(n, r)));
        return chosen;
    }

    /** Says what becomes of each amendment before anything is written. */
    private void confirm() {
        if (plan == null) {
            return;
        }
        Map<Integer, MergePlan.Resolution> resolved = resolutions();
        for (var c : choices.entrySet()) {
            c.getValue().setInvalid(!resolved.containsKey(c.getKey()));
            c.getValue().setErrorMessage("Choose how to resolve this collision.");
        }
        Optional<RadioButtonGroup<Choice>> missing = choices.values().stream().filter(RadioButtonGroup::isInvalid).findFirst();
        if (missing.isPresent()) {
            Focus.on(missing.get());
            return;
        }
        MergePlan.Result result = plan.merge().apply(resolved);
        UnorderedList fates = new UnorderedList();
        for (MergePlan.Fate f : result.fates().values()) {
            String what = switch (f.outcome()) {
                case TAKEN -> "accepted as proposed";
                case IN_PART -> "accepted in part";
                case NOT_TAKEN -> "rejected";
            };
            fates.add(new ListItem("A" + f.amendment() + " will be " + what + (f.sentences().isEmpty() ? "." : ": " + f.explanation())));
        }
        Confirmation.ask(merge, "Merge into revision " + (plan.revision() + 1) + "?",
                new Div(new Paragraph("The other open amendments move onto the new text; any whose words change are flagged for their proposers."), fates),
                "Merge", () -> doMerge(resolved));
    }

    private void doMerge(Map<Integer, MergePlan.Resolution> resolved) {
        try {
            int revision = merging.merge(proposalId, plan.revision(), new LinkedHashSet<>(plan.numbers().keySet()), resolved);
            Forms.success(MergePlan.cite(plan.merge().amendments()) + " merged into revision " + revision + ".");
            getUI().ifPresent(ui -> ui.navigate(ProposalView.class, new RouteParameters("proposalId", String.valueOf(proposalId))));
        } catch (InvalidInputException | AccessDeniedException refused) {
            Forms.error(refused.getMessage());
            replan(chosen.getValue());
        }
    }

    /** Opens the merge view for amendments {@code numbers} of a proposal; with none, the member chooses them there. */
    static void open(UI ui, long proposalId, List<Integer> numbers) {
        ui.navigate(MergeView.class, new RouteParameters("proposalId", String.valueOf(proposalId)), query(numbers));
    }

    private static QueryParameters query(List<Integer> numbers) {
        return numbers.isEmpty() ? QueryParameters.empty()
                : QueryParameters.full(Map.of("a", numbers.stream().sorted().map(String::valueOf).toArray(String[]::new)));
    }
}
