package org.commonground.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.commonground.ballot.BallotService;
import org.commonground.ballot.Choice;
import org.commonground.group.GroupService;
import org.commonground.pact.PactDetails;
import org.commonground.pact.PactRatificationService;
import org.commonground.pact.PactRatificationService.RatificationPlan;
import org.commonground.pact.PactService;
import org.commonground.pact.PactState;
import org.commonground.publishing.document.DocumentContent;
import org.commonground.security.SignedInMember;
import org.commonground.shared.InvalidInputException;
import org.commonground.support.Agreements;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A change of agreed text is a new agreement: one convenor cannot publish new words under every party's consent. A
 * correction of a text more than one party agreed waits for them to agree it again, and is published only then,
 * with the new result and signatures; until then the old version is the current one, and /p/verify says nothing new.
 */
@IntegrationTest
class CorrectionServiceTest {

    private static final String BODY = "# Safe streets\n\nTwenty miles an hour on every residential street.\n";
    private static final String CORRECTED = BODY + "\nA crossing at every school gate.\n";

    @Autowired
    CorrectionService corrections;
    @Autowired
    PublishingService publishing;
    @Autowired
    BallotService ballots;
    @Autowired
    PactService pacts;
    @Autowired
    PactRatificationService ratification;
    @Autowired
    GroupService groups;
    @Autowired
    Agreements agreements;
    @Autowired
    TestMembers testMembers;

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    private static long ballotOf(CorrectionService.Outcome outcome) {
        return Long.parseLong(outcome.awaiting().substring("ballots/".length()));
    }

    @Test
    void aTwoPartyTextsCorrectionIsPublishedOnlyWhenItsBallotPassesAndCarriesThatBallotsResult() {
        Agreements.Agreed agreed = agreements.agreedProposal("Two-party text", BODY);
        Publication first = publishing.publishProposal(agreed.proposal());
        SignedInMember newcomer = testMembers.joined(groups, agreed.group(), agreed.convenor(), "Newcomer green", "GRN");
        TestMembers.signIn(agreed.convenor());

        CorrectionService.Outcome outcome = corrections.correct(first.slug(), CORRECTED, "The crossings were agreed too");
        assertThat(outcome.published()).isNull();
        assertThat(outcome.awaiting()).startsWith("ballots/");
        // Nothing is published yet: the old version is current, and the document's status says where consent is given.
        assertThat(publishing.versionsOfProposal(agreed.proposal())).singleElement().satisfies(p -> assertThat(p.current()).isTrue());
        assertThat(publishing.proposalStatus(agreed.proposal()).awaiting()).isEqualTo("proposals/" + agreed.proposal() + "/ballots");
        assertThatThrownBy(() -> corrections.correct(first.slug(), CORRECTED + "More.\n", "Another")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("already waiting");

        long ballot = ballotOf(outcome);
        assertThat(ballots.details(ballot).subject()).isEqualTo("Correction of the published text");
        for (SignedInMember voter : new SignedInMember[] {agreed.convenor(), agreed.member(), newcomer}) {
            TestMembers.signIn(voter);
            ballots.vote(ballot, Choice.FOR, "");
        }
        TestMembers.signIn(agreed.convenor());
        ballots.close(ballot);

        Publication second = publishing.versionsOfProposal(agreed.proposal()).getFirst();
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.supersedes()).isEqualTo(first.slug());
        DocumentContent content = publishing.content(second);
        assertThat(content.body()).isEqualTo(CORRECTED);
        assertThat(content.correction()).endsWith("corrected: The crossings were agreed too");
        assertThat(content.dates()).contains("Correction agreed");
        // The new ballot's result, not the old: the Greens are two now.
        assertThat(content.results()).filteredOn(r -> r.party().equals("GRN")).singleElement()
                .satisfies(r -> assertThat(r.electorate()).isEqualTo(2));
        assertThat(publishing.content(first).results()).filteredOn(r -> r.party().equals("GRN")).singleElement()
                .satisfies(r -> assertThat(r.electorate()).isEqualTo(1));
        assertThat(publishing.published(first.slug()).orElseThrow().current()).isFalse();
        assertThat(publishing.proposalStatus(agreed.proposal()).awaiting()).isNull();
    }

    @Test
    void aCorrectionTheBallotRefusesIsNeverPublishedAndTheOldVersionStaysCurrent() {
        Agreements.Agreed agreed = agreements.agreedProposal("Refused correction", BODY);
        Publication first = publishing.publishProposal(agreed.proposal());
        long ballot = ballotOf(corrections.correct(first.slug(), CORRECTED, "Crossings"));
        ballots.vote(ballot, Choice.FOR, "");
        TestMembers.signIn(agreed.member());
        ballots.vote(ballot, Choice.AGAINST, "The Lib Dems never agreed crossings");
        TestMembers.signIn(agreed.convenor());
        ballots.close(ballot);

        assertThat(publishing.versionsOfProposal(agreed.proposal())).singleElement().satisfies(p -> assertThat(p.current()).isTrue());
        assertThat(publishing.verifyFingerprint(first.fingerprint()).verdict()).isEqualTo(PublishingService.Verdict.MATCH);
        // Refused, it no longer blocks another correction.
        assertThat(corrections.correct(first.slug(), CORRECTED + "Reworded.\n", "Another try").awaiting()).startsWith("ballots/");
    }

    @Test
    void removingAnotherPartysMembersDoesNotLetOnePartyAgreeACorrectionAlone() {
        Agreements.Agreed agreed = agreements.agreedProposal("Removed party", BODY);
        Publication first = publishing.publishProposal(agreed.proposal());
        groups.remove(agreed.group(), agreed.member().id());

        assertThatThrownBy(() -> corrections.correct(first.slug(), CORRECTED, "Only Greens left"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("body")).startsWith("LD agreed this text"));
        assertThat(publishing.proposalStatus(agreed.proposal()).awaiting()).isNull();
        assertThat(ballots.ballotsOf(agreed.proposal())).hasSize(1);
    }

    @Test
    void aPactsCorrectionIsRatifiedAgainByEveryPartyAndPublishedWithTheNewSignatures() {
        Agreements.Ratified ratified = agreements.ratifiedPact("Corrected pact");
        Publication first = publishing.publishPact(ratified.pact());

        CorrectionService.Outcome outcome = corrections.correct(first.slug(), "Joint leaflets name both parties, in Welsh too.", "Welsh was agreed");
        assertThat(outcome.awaiting()).isEqualTo("pacts/" + ratified.pact());
        PactDetails d = pacts.details(ratified.pact());
        assertThat(d.state()).isEqualTo(PactState.RATIFYING);
        assertThat(d.correcting()).isTrue();
        assertThat(d.canCollapse()).isFalse();
        assertThat(d.ratifications()).allSatisfy(r -> assertThat(r.choosing()).isTrue());
        assertThat(publishing.versionsOfPact(ratified.pact())).hasSize(1);
        assertThatThrownBy(() -> pacts.collapse(ratified.pact(), "Changed our minds")).isInstanceOf(InvalidInputException.class);

        ratification.choosePlan(ratified.pact(), "LAB", RatificationPlan.byRepresentative(ratified.convenor().id()));
        ratification.sign(ratified.pact(), "LAB", true, "");
        TestMembers.signIn(ratified.green());
        ratification.choosePlan(ratified.pact(), "GRN", RatificationPlan.byBallot(null));
        long greenBallot = pacts.details(ratified.pact()).ratifications().stream().filter(r -> r.party().equals("GRN")).findFirst().orElseThrow().ballotId();
        ballots.vote(greenBallot, Choice.FOR, "");
        ballots.close(greenBallot);

        assertThat(pacts.details(ratified.pact()).state()).isEqualTo(PactState.PUBLISHED);
        Publication second = publishing.versionsOfPact(ratified.pact()).getFirst();
        assertThat(second.version()).isEqualTo(2);
        DocumentContent content = publishing.content(second);
        assertThat(content.body()).isEqualTo("Joint leaflets name both parties, in Welsh too.");
        assertThat(content.correction()).endsWith("corrected: Welsh was agreed");
        // The Greens ratified the correction by ballot; the published original says their delegate signed.
        assertThat(content.signatures()).filteredOn(s -> s.party().equals("GRN")).singleElement()
                .satisfies(s -> assertThat(s.method()).isEqualTo("Ballot of its members"));
        assertThat(publishing.content(first).signatures()).filteredOn(s -> s.party().equals("GRN")).singleElement()
                .satisfies(s -> assertThat(s.method()).isEqualTo("Representative"));
    }

    @Test
    void onePartyRejectingAPactsCorrectionDropsItAndThePactStaysAsPublished() {
        Agreements.Ratified ratified = agreements.ratifiedPact("Uncorrected pact");
        Publication first = publishing.publishPact(ratified.pact());
        String published = pacts.details(ratified.pact()).terms().conditions();
        corrections.correct(first.slug(), "Only Labour's name on the leaflets.", "Labour's leaflets");

        ratification.choosePlan(ratified.pact(), "LAB", RatificationPlan.byBallot(null));
        long labourBallot = pacts.details(ratified.pact()).ratifications().stream().filter(r -> r.party().equals("LAB")).findFirst()
                .orElseThrow().ballotId();
        TestMembers.signIn(ratified.green());
        ratification.choosePlan(ratified.pact(), "GRN", RatificationPlan.byRepresentative(ratified.green().id()));
        ratification.sign(ratified.pact(), "GRN", false, "We never agreed that");
        // Labour's ballot on the dropped correction is over, not left taking votes into the next round.
        org.assertj.core.api.Assertions.assertThat(ballots.details(labourBallot).closedAt()).isNotNull();

        PactDetails d = pacts.details(ratified.pact());
        assertThat(d.state()).isEqualTo(PactState.PUBLISHED);
        assertThat(d.correcting()).isFalse();
        assertThat(d.terms().conditions()).isEqualTo(published);
        assertThat(publishing.versionsOfPact(ratified.pact())).singleElement().satisfies(p -> assertThat(p.current()).isTrue());
        assertThat(publishing.pactStatus(ratified.pact()).awaiting()).isNull();
    }
}
