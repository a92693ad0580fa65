package org.commonground.pact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.commonground.ballot.BallotService;
import org.commonground.ballot.Choice;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.pact.PactRatificationService.RatificationPlan;
import org.commonground.pact.terms.SeatTerms;
import org.commonground.security.SignedInMember;
import org.commonground.support.IntegrationTest;
import org.commonground.support.Ratifying;
import org.commonground.support.TestMembers;
import org.commonground.support.UiQueue;
import org.commonground.support.ViewTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class PactViewsTest extends ViewTest {

    @Autowired
    PactService pacts;

    @Autowired

    PactAmendmentService pactAmendments;
    @Autowired
    PactRatificationService ratification;
    @Autowired
    BallotService ballots;
    @Autowired
    GroupService groups;
    @Autowired
    TestMembers testMembers;
    @Autowired
    Ratifying ratifying;
    @Autowired
    org.commonground.comment.CommentService pactComments;

    SignedInMember labConvenor;
    SignedInMember green;
    SignedInMember libDem;
    long group;
    long pact;

    @BeforeEach
    void aPactBeingRatified() {
        labConvenor = testMembers.register("Lab chair", "LAB");
        TestMembers.signIn(labConvenor);
        group = groups.create(new NewGroup("Pact view town " + labConvenor.id(), GroupKind.LOCAL, null,
                "Aldershot (" + PactServiceTest.ALDERSHOT + ")\nBristol Central (" + PactServiceTest.BRISTOL + ")"));
        green = join("Green voter", "GRN");
        libDem = join("Lib Dem signer", "LD");
        pact = pacts.start(group, "Two seats", List.of(PactServiceTest.ALDERSHOT, PactServiceTest.BRISTOL), null);
        pacts.revise(pact, 1, PactServiceTest.reciprocal(), "");
        pacts.openNegotiation(pact);
        testMembers.appointDelegate(group, green);
        ratifying.byRepresentatives(group, pact, labConvenor, labConvenor, libDem);
    }

    private SignedInMember join(String name, String party) {
        return testMembers.joined(groups, group, labConvenor, name, party);
    }

    private String statusOf(String party) {
        return $view(Div.class).all().stream().filter(d -> party.equals(d.getElement().getAttribute("data-party")))
                .map(d -> d.getElement().getAttribute("data-status")).findFirst().orElse("absent");
    }

    private static boolean shows(Component root, String text) {
        return root.getElement().getOuterHTML().contains(text);
    }

    @Test
    void aRepresentativeSignsOnThePageAndABallotElsewhereUpdatesItLive() {
        TestMembers.signIn(libDem);
        PactView view = navigate(PactView.class, Map.of("pactId", String.valueOf(pact)));
        assertThat(statusOf("LD")).isEqualTo("waiting");
        assertThat(statusOf("GRN")).isEqualTo("choosing");
        assertThat(shows(view, "waiting for GRN to choose how it ratifies")).isTrue();

        // Rejecting needs a reason, said where it is typed; nothing changes.
        test($view(Button.class).withText("Reject for LD").single()).click();
        assertThat($view(TextField.class).all()).anySatisfy(f -> assertThat(f.getErrorMessage()).contains("Say why LD rejects"));
        assertThat(statusOf("LD")).isEqualTo("waiting");

        // Ratifying asks first, naming the party and how many confirmed members it speaks for; nothing is signed until then.
        test($view(Button.class).withText("Ratify for LD").single()).click();
        ConfirmDialog question = $(ConfirmDialog.class).single();
        assertThat(test(question).getHeader()).isEqualTo("Ratify the pact for LD?");
        assertThat(test(question).getText()).contains("LD's consent to \u201cTwo seats\u201d", "on behalf of its 1 confirmed member in Pact view town");
        assertThat(statusOf("LD")).isEqualTo("waiting");
        test(question).confirm();
        assertThat(statusOf("LD")).isEqualTo("ratified");
        assertThat($view(Button.class).withText("Ratify for LD").all()).isEmpty();

        // Elsewhere the Greens' delegate chooses a ballot, they vote and their delegate closes it; the open page hears of it.
        TestMembers.signIn(green);
        ratification.choosePlan(pact, "GRN", PactRatificationService.RatificationPlan.byBallot(null));
        long greenBallot = pacts.details(pact).ratifications().stream().filter(r -> r.party().equals("GRN")).findFirst().orElseThrow().ballotId();
        ballots.vote(greenBallot, Choice.FOR, "");
        TestMembers.signIn(labConvenor);
        ratification.sign(pact, "LAB", true, "");
        TestMembers.signIn(green);
        ballots.close(greenBallot);
        TestMembers.signIn(libDem);
        UiQueue.awaitUntil(() -> "ratified".equals(statusOf("GRN")) && shows(view, "Ratified"));
        assertThat(statusOf("GRN")).isEqualTo("ratified");
        assertThat(shows(view, "Ratified")).isTrue();
    }

    @Test
    void aDelegateChoosesHowTheirPartyRatifiesAndAClosingTimeInThePastIsRefusedWhereTyped() {
        TestMembers.signIn(labConvenor);
        navigate(PactView.class, Map.of("pactId", String.valueOf(pact)));
        // Labour's convenor has no say in how the Greens ratify.
        assertThat($view(Button.class).withText("Choose for GRN").all()).isEmpty();

        TestMembers.signIn(green);
        navigate(PactView.class, Map.of("pactId", String.valueOf(pact)));
        DateTimePicker closesAt = $view(DateTimePicker.class).single();
        test(closesAt).setValue(LocalDateTime.now().minusDays(1));
        test($view(Button.class).withText("Choose for GRN").single()).click();
        ConfirmDialog question = $(ConfirmDialog.class).single();
        assertThat(test(question).getText()).contains("A ballot opens now for GRN's confirmed members in this group");
        assertThat(closesAt.isInvalid()).as("nothing is chosen before the delegate confirms").isFalse();
        test(question).confirm();
        assertThat(closesAt.getErrorMessage()).contains("in the future");
        assertThat(statusOf("GRN")).isEqualTo("choosing");

        test(closesAt).setValue(LocalDateTime.now().plusDays(3));
        test($view(Button.class).withText("Choose for GRN").single()).click();
        assertThat(statusOf("GRN")).isEqualTo("choosing");
        test($(ConfirmDialog.class).last()).confirm();
        assertThat(statusOf("GRN")).isEqualTo("waiting");
        assertThat($view(Button.class).withText("Choose for GRN").all()).isEmpty();
        assertThat(pacts.details(pact).ratifications()).filteredOn(r -> r.party().equals("GRN"))
                .singleElement().satisfies(r -> assertThat(r.ballotId()).isNotNull());
    }

    @Test
    void aMemberProposesAnAmendmentInTheEditorAndAChangeElsewhereKeepsWhatTheyAreTyping() {
        TestMembers.signIn(labConvenor);
        long negotiating = pacts.start(group, "Still talking", List.of(PactServiceTest.ALDERSHOT), null);
        pacts.openNegotiation(negotiating);

        TestMembers.signIn(green);
        navigate(PactView.class, Map.of("pactId", String.valueOf(negotiating)));
        Select<String> ldInAldershot = $view(Select.class).all().stream().filter(s -> "LD".equals(s.getLabel())).findFirst().orElseThrow();
        test(ldInAldershot).selectItem("stands down");
        TextArea reason = $view(TextArea.class).all().stream().filter(t -> "Reason for the amendment".equals(t.getLabel())).findFirst().orElseThrow();
        test(reason).setValue("The Lib Dems came third here");
        test($view(Button.class).withText("Propose amendment").single()).click();
        assertThat(pacts.details(negotiating).amendments()).singleElement()
                .satisfies(a -> assertThat(a.terms().seats().getFirst().stances()).containsEntry("LD", org.commonground.pact.terms.Stance.STANDS_DOWN));

        TextArea comment = $view(TextArea.class).all().stream().filter(t -> "Comment on the pact".equals(t.getLabel())).findFirst().orElseThrow();
        test(comment).setValue("Half-written thought");
        TestMembers.signIn(labConvenor);
        pactAmendments.rejectAmendment(pacts.details(negotiating).amendments().getFirst().id(), "Not yet");
        TestMembers.signIn(green);
        UiQueue.awaitUntil(() -> $view(Span.class).all().stream().anyMatch(span -> span.getText().startsWith("This pact has changed")));
        assertThat(comment.getValue()).isEqualTo("Half-written thought");
        assertThat($view(Span.class).all()).anySatisfy(span -> assertThat(span.getText()).startsWith("This pact has changed"));
        test($view(Button.class).withText("Show the latest").single()).click();
        assertThat($view(Paragraph.class).all()).anySatisfy(p -> assertThat(p.getText()).isEqualTo("Decision: Not yet"));

        // Labour confers privately: nothing changes for a Green reader. A shared comment is announced.
        TestMembers.signIn(labConvenor);
        pactComments.postOnPact(negotiating, org.commonground.comment.NewComment.onProposal(org.commonground.comment.Visibility.CAUCUS, "Between us"));
        TestMembers.signIn(green);
        UiQueue.awaitUntil(() -> false);
        assertThat($view(Span.class).all()).noneSatisfy(span -> assertThat(span.getText()).startsWith("There are new comments"));
        TestMembers.signIn(labConvenor);
        pactComments.postOnPact(negotiating, org.commonground.comment.NewComment.onProposal(org.commonground.comment.Visibility.SHARED, "For all"));
        TestMembers.signIn(green);
        UiQueue.awaitUntil(() -> $view(Span.class).all().stream().anyMatch(span -> span.getText().startsWith("There are new comments")));
        assertThat($view(Span.class).all()).anySatisfy(span -> assertThat(span.getText()).startsWith("There are new comments"));
    }

    @Test
    void withdrawingAPactAmendmentAsksFirst() {
        TestMembers.signIn(labConvenor);
        long negotiating = pacts.start(group, "Talking still", List.of(PactServiceTest.ALDERSHOT, PactServiceTest.BRISTOL), null);
        pacts.openNegotiation(negotiating);
        TestMembers.signIn(green);
        pactAmendments.proposeAmendment(negotiating, PactServiceTest.reciprocal(), "Both ways");

        navigate(PactView.class, Map.of("pactId", String.valueOf(negotiating)));
        test($view(Button.class).withText("Withdraw").single()).click();
        ConfirmDialog question = $(ConfirmDialog.class).single();
        assertThat(test(question).getHeader()).isEqualTo("Withdraw amendment 1?");
        assertThat(pacts.details(negotiating).amendments().getFirst().open()).isTrue();

        test(question).confirm();
        assertThat(pacts.details(negotiating).amendments().getFirst().open()).isFalse();
    }

    @Test
    void acceptingAPactAmendmentIntoTheTermsAsksFirst() {
        TestMembers.signIn(labConvenor);
        long negotiating = pacts.start(group, "Talking again", List.of(PactServiceTest.ALDERSHOT, PactServiceTest.BRISTOL), null);
        pacts.openNegotiation(negotiating);
        TestMembers.signIn(green);
        pactAmendments.proposeAmendment(negotiating, PactServiceTest.reciprocal(), "Both ways");

        TestMembers.signIn(labConvenor);
        navigate(PactView.class, Map.of("pactId", String.valueOf(negotiating)));
        test($view(Button.class).withText("Accept A1").single()).click();
        ConfirmDialog question = $(ConfirmDialog.class).single();
        assertThat(test(question).getHeader()).isEqualTo("Accept A1 into the terms?");
        assertThat(pacts.details(negotiating).amendments().getFirst().open()).as("not on one click").isTrue();

        test(question).confirm();
        assertThat(pacts.details(negotiating).amendments().getFirst().open()).isFalse();
    }

    @Test
    void aConvenorAddsAndDropsSeatsInTheEditorAndEachSaveIsARevision() {
        TestMembers.signIn(labConvenor);
        long pactId = pacts.start(group, "Growing", List.of(PactServiceTest.ALDERSHOT), null);
        navigate(PactView.class, Map.of("pactId", String.valueOf(pactId)));
        $view(TermsEditor.class).single().added.select(PactServiceTest.BRISTOL);
        test($view(Button.class).withText("Save as revision 2").single()).click();
        assertThat(pacts.details(pactId).terms().seats()).extracting(SeatTerms::onsCode)
                .containsExactly(PactServiceTest.ALDERSHOT, PactServiceTest.BRISTOL);

        $view(com.vaadin.flow.component.checkbox.Checkbox.class).all().stream()
                .filter(c -> "Part of the pact".equals(c.getLabel())).findFirst().orElseThrow().setValue(false);
        test($view(Button.class).withText("Save as revision 3").single()).click();
        assertThat(pacts.details(pactId).terms().seats()).extracting(SeatTerms::onsCode).containsExactly(PactServiceTest.BRISTOL);
        assertThat(pacts.details(pactId).revisions()).hasSize(3);
    }

    @Test
    void theGroupPageListsPactsAndAConvenorStartsOneKeepingWhatWasTypedWhenRefused() {
        TestMembers.signIn(labConvenor);
        GroupPactsView view = navigate(GroupPactsView.class, Map.of("groupId", String.valueOf(group)));
        assertThat(shows(view, "Two seats")).isTrue();
        test(view.title).setValue("");
        test($view(Button.class).withText("Start pact").single()).click();
        assertThat(view.title.isInvalid()).isTrue();
        assertThat(view.seats.isInvalid()).isTrue();

        test(view.title).setValue("Aldershot alone");
        view.seats.select(PactServiceTest.ALDERSHOT);
        test($view(Button.class).withText("Start pact").single()).click();
        assertThat(pacts.inGroup(group)).extracting(PactSummary::title).contains("Aldershot alone");
    }
}
