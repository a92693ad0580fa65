package org.commonground.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.commonground.ballot.BallotService;
import org.commonground.ballot.BallotSettings;
import org.commonground.ballot.Choice;
import org.commonground.ballot.rules.DecisionRule;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.pact.PactService;
import org.commonground.pact.PactRatificationService;
import org.commonground.pact.PactRatificationService.RatificationPlan;
import org.commonground.pact.terms.PactTerms;
import org.commonground.pact.terms.SeatTerms;
import org.commonground.pact.terms.Stance;
import org.commonground.proposal.ProposalDraft;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.security.SignedInMember;
import org.springframework.stereotype.Component;

/** Proposals agreed by a ballot and pacts ratified by every party, for the tests of what comes after: publishing. */
@Component
public class Agreements {

    private final TestMembers testMembers;
    private final GroupService groups;
    private final ProposalService proposals;
    private final BallotService ballots;
    private final PactService pacts;
    private final PactRatificationService ratification;

    Agreements(TestMembers testMembers, GroupService groups, ProposalService proposals, BallotService ballots, PactService pacts,
               PactRatificationService ratification) {
        this.ratification = ratification;
        this.testMembers = testMembers;
        this.groups = groups;
        this.proposals = proposals;
        this.ballots = ballots;
        this.pacts = pacts;
    }

    /** A group of a Green convenor and a Lib Dem member, and a proposal both voted for (concurrent majority). */
    public record Agreed(long group, long proposal, SignedInMember convenor, SignedInMember member) {
    }

    public Agreed agreedProposal(String title, String body) {
        SignedInMember convenor = testMembers.register("Publishing convenor", "GRN");
        TestMembers.signIn(convenor);
        long group = groups.create(new NewGroup("Publishing group " + convenor.id(), GroupKind.ALLIANCE, null, null));
        SignedInMember member = testMembers.joined(groups, group, convenor, "Publishing member", "LD");
        TestMembers.signIn(convenor);
        long proposal = proposals.create(group, new ProposalDraft(title, "", body, ""));
        proposals.move(proposal, ProposalState.DISCUSSION);
        proposals.move(proposal, ProposalState.VOTING);
        long ballot = ballots.open(proposal, null, new BallotSettings(DecisionRule.CONCURRENT_MAJORITY, false, 0, 0, null));
        ballots.vote(ballot, Choice.FOR, "");
        TestMembers.signIn(member);
        ballots.vote(ballot, Choice.FOR, "");
        TestMembers.signIn(convenor);
        ballots.close(ballot);
        return new Agreed(group, proposal, convenor, member);
    }

    /** A Green group's proposal, agreed by its Green members alone: one party agreed it. */
    public Agreed agreedByOneParty(String title, String body) {
        SignedInMember convenor = testMembers.register("One-party convenor", "GRN");
        TestMembers.signIn(convenor);
        long group = groups.create(new NewGroup("One-party group " + convenor.id(), GroupKind.ALLIANCE, null, null));
        SignedInMember member = testMembers.joined(groups, group, convenor, "One-party member", "GRN");
        TestMembers.signIn(convenor);
        long proposal = proposals.create(group, new ProposalDraft(title, "", body, ""));
        proposals.move(proposal, ProposalState.DISCUSSION);
        proposals.move(proposal, ProposalState.VOTING);
        long ballot = ballots.open(proposal, null, new BallotSettings(DecisionRule.SIMPLE_MAJORITY, false, 0, 0, null));
        ballots.vote(ballot, Choice.FOR, "");
        ballots.close(ballot);
        return new Agreed(group, proposal, convenor, member);
    }

    /**
     * Agrees a correction of the proposal, awaiting its ballot: both of the group's members vote for it and the
     * convenor closes the ballot. The convenor is signed in afterwards.
     */
    public void agreeCorrection(Agreed agreed, String ballotPage) {
        long ballot = Long.parseLong(ballotPage.substring(ballotPage.lastIndexOf('/') + 1));
        for (SignedInMember voter : List.of(agreed.convenor(), agreed.member())) {
            TestMembers.signIn(voter);
            ballots.vote(ballot, Choice.FOR, "");
        }
        TestMembers.signIn(agreed.convenor());
        ballots.close(ballot);
    }

    /** A local group's pact over Aldershot (or another seat), ratified by a Labour and a Green delegate each signing for their party. */
    public record Ratified(long group, long pact, SignedInMember convenor, SignedInMember green) {
    }

    public Ratified ratifiedPact(String title) {
        return ratifiedPact(title, "E14001063", "Aldershot");
    }

    /** The same over another seat. */
    public Ratified ratifiedPact(String title, String onsCode, String seat) {
        SignedInMember convenor = testMembers.register("Pact publishing convenor", "LAB");
        TestMembers.signIn(convenor);
        long group = groups.create(new NewGroup("Pact publishing town " + convenor.id(), GroupKind.LOCAL, null, seat + " (" + onsCode + ")"));
        SignedInMember green = testMembers.joined(groups, group, convenor, "Pact publishing green", "GRN");
        TestMembers.signIn(convenor);
        long pact = pacts.start(group, title, List.of(onsCode), null);
        Map<String, Stance> stances = new LinkedHashMap<>();
        stances.put("GRN", Stance.STANDS_DOWN);
        pacts.revise(pact, 1, new PactTerms(List.of(new SeatTerms(onsCode, seat, "LAB", stances)), "Joint leaflets name both parties."), "");
        pacts.openNegotiation(pact);
        testMembers.appointDelegate(group, convenor);
        testMembers.appointDelegate(group, green);
        ratification.startRatification(pact);
        ratification.choosePlan(pact, "LAB", RatificationPlan.byRepresentative(convenor.id()));
        ratification.sign(pact, "LAB", true, "");
        TestMembers.signIn(green);
        ratification.choosePlan(pact, "GRN", RatificationPlan.byRepresentative(green.id()));
        ratification.sign(pact, "GRN", true, "");
        TestMembers.signIn(convenor);
        return new Ratified(group, pact, convenor, green);
    }
}
