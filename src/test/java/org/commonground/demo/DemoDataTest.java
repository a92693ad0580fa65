package org.commonground.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.commonground.CommonGroundApplication;
import org.commonground.election.ElectionService;
import org.commonground.group.GroupService;
import org.commonground.group.DelegationService;
import org.commonground.group.PartyDelegation;
import org.commonground.pact.PactService;
import org.commonground.pact.Ratification;
import org.commonground.pact.PactState;
import org.commonground.group.GroupSummary;
import org.commonground.proposal.Amendment;
import org.commonground.proposal.AmendmentService;
import org.commonground.proposal.AmendmentState;
import org.commonground.comment.Comment;
import org.commonground.comment.CommentService;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.proposal.ProposalSummary;
import org.commonground.comment.Visibility;
import org.commonground.security.SignedInMember;
import org.commonground.support.TestDatabase;
import org.commonground.party.PartyConfirmationService;
import org.commonground.party.PartyStanding;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/** --demo on an empty database gives a newcomer a living app: groups, members, proposals under discussion. */
class DemoDataTest {

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    @Test
    void theDemoFillsAnEmptyDatabaseThroughTheServices() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CommonGroundApplication.class)
                .profiles("demo")
                .run("--server.port=0", "--spring.datasource.url=" + TestDatabase.anotherUrl())) {
            UserDetailsService users = app.getBean(UserDetailsService.class);
            SignedInMember chloe = ((SignedInMember) users.loadUserByUsername("chloe@demo.commonground.test")).withoutPassword();
            SignedInMember eleanor = ((SignedInMember) users.loadUserByUsername("eleanor@demo.commonground.test")).withoutPassword();

            TestMembers.signIn(chloe);
            List<GroupSummary> groups = app.getBean(GroupService.class).directory();
            assertThat(groups).hasSize(6).extracting(g -> g.kind().name()).contains("ALLIANCE", "PARTY", "LOCAL");
            long alliance = groups.stream().filter(g -> g.name().equals("Progressive Alliance UK")).findFirst().orElseThrow().id();
            ProposalSummary fairVotes = app.getBean(ProposalService.class).inGroup(alliance).getFirst();
            assertThat(fairVotes.state()).isEqualTo(ProposalState.DISCUSSION);
            assertThat(fairVotes.currentRevision()).isEqualTo(2);

            List<Amendment> amendments = app.getBean(AmendmentService.class).list(fairVotes.id());
            assertThat(amendments).extracting(Amendment::state).contains(AmendmentState.ACCEPTED, AmendmentState.PROPOSED);
            assertThat(amendments).anySatisfy(a -> assertThat(a.conflictsWith()).isNotEmpty());
            assertThat(amendments).as("one amendment proposed by editing two separate passages")
                    .anySatisfy(a -> assertThat(a.passages()).hasSize(2));

            CommentService comments = app.getBean(CommentService.class);
            assertThat(comments.thread(fairVotes.id())).extracting(Comment::visibility).contains(Visibility.SHARED, Visibility.CAUCUS);
            TestMembers.signIn(eleanor);
            assertThat(comments.thread(fairVotes.id())).extracting(Comment::visibility).containsOnly(Visibility.SHARED);

            // A small election, a ratified reciprocal pact in Bristol, and a pact being ratified in Cardiff.
            assertThat(app.getBean(ElectionService.class).elections()).singleElement().satisfies(e -> assertThat(e.constituencies()).isEqualTo(12));
            PactService pacts = app.getBean(PactService.class);
            TestMembers.signIn(chloe);
            long bristol = groups.stream().filter(g -> g.name().equals("Bristol Progressives")).findFirst().orElseThrow().id();
            assertThat(pacts.inGroup(bristol)).extracting(p -> p.state()).containsExactlyInAnyOrder(PactState.RATIFIED, PactState.NEGOTIATING);
            // Bristol East's unity candidate is being chosen by a ranked ballot, three members having ranked so far.
            long eastPact = pacts.inGroup(bristol).stream().filter(p -> p.state() == PactState.NEGOTIATING).findFirst().orElseThrow().id();
            org.commonground.ballot.UnityBallotService unity = app.getBean(org.commonground.ballot.UnityBallotService.class);
            assertThat(unity.ofPact(eastPact)).singleElement().satisfies(b -> {
                assertThat(b.open()).isTrue();
                assertThat(unity.details(b.id()).voted()).isEqualTo(3);
            });
            assertThat(pacts.ledger()).anySatisfy(a -> {
                assertThat(a.party()).isEqualTo("GRN");
                assertThat(a.stoodDown()).extracting(e -> e.constituency()).containsExactly("Bristol North West");
                assertThat(a.stoodDownFor()).extracting(e -> e.constituency()).containsExactly("Bristol Central");
            });
            TestMembers.signIn(eleanor);
            long cardiff = groups.stream().filter(g -> g.name().startsWith("Cardiff")).findFirst().orElseThrow().id();
            assertThat(pacts.inGroup(cardiff)).singleElement().satisfies(p -> assertThat(p.state()).isEqualTo(PactState.RATIFYING));
            // Every party there has a delegate, and the Greens' has yet to choose how they ratify.
            long cardiffPact = pacts.inGroup(cardiff).getFirst().id();
            assertThat(pacts.details(cardiffPact).ratifications()).filteredOn(Ratification::choosing).extracting(Ratification::party)
                    .containsExactly("GRN");
            assertThat(app.getBean(DelegationService.class).delegations(cardiff)).allSatisfy(p -> assertThat(p.delegates()).isNotEmpty())
                    .extracting(PartyDelegation::partyCode).containsExactlyInAnyOrder("PC", "LAB", "GRN", "LD");

            // Each party's organiser confirmed its members, but for one Green whose party is still claimed.
            PartyConfirmationService confirmations = app.getBean(PartyConfirmationService.class);
            TestMembers.signIn(chloe);
            assertThat(confirmations.myStanding().organiser()).isTrue();
            assertThat(confirmations.membersToConfirm()).extracting(PartyStanding::displayName, PartyStanding::confirmed)
                    .contains(org.assertj.core.groups.Tuple.tuple("Dev Patel", true), org.assertj.core.groups.Tuple.tuple("Kate Brennan", true));
            TestMembers.signIn(eleanor);
            assertThat(confirmations.myStanding().confirmed()).isTrue();
            SignedInMember amara = ((SignedInMember) users.loadUserByUsername("amara@demo.commonground.test")).withoutPassword();
            TestMembers.signIn(amara);
            assertThat(confirmations.myStanding().status()).isEqualTo("Claimed");
        }
    }
}
