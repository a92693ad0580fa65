package org.commonground.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.commonground.group.GroupService;
import org.commonground.notification.NotificationService;
import org.commonground.shared.InvalidInputException;
import org.commonground.notification.PendingNotices;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** A compromise replacing a Green's and a Lib Dem's amendments to the same line: who offers it, who answers, and how. */
@IntegrationTest
class CompromiseServiceTest {

    static final String TEXT = """
            We will end sewage discharges into rivers by 2030.

            Water companies will be run for the public good.

            Fines will go to river restoration.
            """;
    static final String COMPROMISE = TEXT.replace("run for the public good", "owned by the public, with fines ring-fenced");

    @Autowired
    DSLContext db;
    @Autowired
    ProposalService proposals;
    @Autowired
    AmendmentService amendments;
    @Autowired
    CompromiseService compromises;
    @Autowired
    NotificationService notifications;
    @Autowired
    GroupService groups;
    @Autowired
    TestMembers testMembers;

    ProposalFixture f;
    long proposal;
    Amendment green;
    Amendment libDem;

    @BeforeEach
    void twoAmendmentsToLineTwo() {
        f = new ProposalFixture(testMembers, groups);
        proposal = f.proposalInDiscussion(proposals, TEXT);
        TestMembers.signIn(f.green);
        green = amendments.proposeByEdit(proposal, 1, TEXT.replace("run for the public good", "brought into public ownership"), "Ownership");
        TestMembers.signIn(f.libDem);
        libDem = amendments.proposeByEdit(proposal, 1, TEXT.replace("run for the public good", "regulated with ring-fenced fines"), "Regulation");
    }

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    private Amendment find(long id) {
        return amendments.list(proposal).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }

    private Amendment offer() {
        TestMembers.signIn(f.convenor);
        return compromises.propose(proposal, 1, COMPROMISE, "Both, in one", Set.of(green.id(), libDem.id()));
    }

    @Test
    void aConvenorOffersACompromiseAndEachProposerIsAsked() {
        Amendment c = offer();
        assertThat(c.compromise()).isTrue();
        assertThat(c.number()).isEqualTo(3);
        assertThat(c.citation()).isEqualTo("A3 to line 2");
        assertThat(c.replaces()).containsExactly(1, 2);
        assertThat(c.passages()).singleElement().satisfies(p -> assertThat(p.replacement()).contains("owned by the public"));

        TestMembers.signIn(f.green);
        assertThat(compromises.offers(proposal)).extracting(CompromiseOffer::amendmentNumber, CompromiseOffer::partyCode, CompromiseOffer::answer)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "GRN", OfferAnswer.ASKED), org.assertj.core.groups.Tuple.tuple(2, "LD", OfferAnswer.ASKED));
        PendingNotices.awaitFannedOut(db);
        assertThat(notifications.mine(10)).anySatisfy(n -> assertThat(n.text()).contains("offers compromise A3 in place of your amendment"));
        TestMembers.signIn(f.libDem);
        PendingNotices.awaitFannedOut(db);
        assertThat(notifications.mine(10)).anySatisfy(n -> assertThat(n.text()).contains("offers compromise A3 in place of your amendment"));
        TestMembers.signIn(f.author);
        PendingNotices.awaitFannedOut(db);
        assertThat(notifications.mine(10)).as("the author follows the proposal, but was not asked")
                .noneSatisfy(n -> assertThat(n.text()).contains("in place of your amendment"))
                .anySatisfy(n -> assertThat(n.text()).contains("proposed a compromise"));
    }

    @Test
    void anAuthorMayOfferOneButNotAMember() {
        TestMembers.signIn(f.author);
        assertThat(compromises.propose(proposal, 1, COMPROMISE, "Both", Set.of(green.id())).replaces()).containsExactly(1);
        TestMembers.signIn(f.green);
        assertThatThrownBy(() -> compromises.propose(proposal, 1, COMPROMISE, "Mine", Set.of(libDem.id())))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("authors or the group's convenors");
    }

    @Test
    void aCompromiseReplacesOnlyOpenAmendmentsOfTheSameProposal() {
        TestMembers.signIn(f.convenor);
        assertThatThrownBy(() -> compromises.propose(proposal, 1, COMPROMISE, "Both", Set.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Choose the amendments");
        long other = f.proposalInDiscussion(proposals, TEXT);
        TestMembers.signIn(f.green);
        long elsewhere = amendments.proposeByEdit(other, 1, TEXT.replace("2030", "2028"), "Sooner").id();
        amendments.withdraw(green.id());
        TestMembers.signIn(f.convenor);
        assertThatThrownBy(() -> compromises.propose(proposal, 1, COMPROMISE, "Both", Set.of(libDem.id(), elsewhere)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no such amendment on this proposal");
        assertThatThrownBy(() -> compromises.propose(proposal, 1, COMPROMISE, "Both", Set.of(libDem.id(), green.id())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("A1 is withdrawn");
        assertThatThrownBy(() -> compromises.propose(proposal, 1, TEXT, "Both", Set.of(libDem.id())))
                .as("the compromise itself must change the text").isInstanceOf(InvalidInputException.class).hasMessageContaining("Nothing has changed");
        assertThat(amendments.list(proposal)).as("nothing half-written").hasSize(2);
    }

    @Test
    void acceptingWithdrawsTheAmendmentInTheCompromisesFavour() {
        Amendment c = offer();
        TestMembers.signIn(f.green);
        compromises.answer(c.id(), green.id(), true, "");
        Amendment withdrawn = find(green.id());
        assertThat(withdrawn.state()).isEqualTo(AmendmentState.WITHDRAWN);
        assertThat(withdrawn.decisionReason()).isEqualTo("Withdrawn in favour of compromise A3");
        assertThat(find(c.id()).state()).isEqualTo(AmendmentState.PROPOSED);
        TestMembers.signIn(f.convenor);
        PendingNotices.awaitFannedOut(db);
        assertThat(notifications.mine(10)).anySatisfy(n -> assertThat(n.text()).contains("accepted compromise A3"));
    }

    @Test
    void keepingLeavesTheAmendmentOpenWithTheProposersComment() {
        Amendment c = offer();
        TestMembers.signIn(f.libDem);
        assertThatThrownBy(() -> compromises.answer(c.id(), libDem.id(), false, " "))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Say why you keep yours");
        compromises.answer(c.id(), libDem.id(), false, "Regulation is what our members voted for.");
        assertThat(find(libDem.id()).state()).isEqualTo(AmendmentState.PROPOSED);
        assertThat(compromises.offers(proposal)).filteredOn(o -> o.amendmentId() == libDem.id()).singleElement()
                .satisfies(o -> {
                    assertThat(o.answer()).isEqualTo(OfferAnswer.KEPT);
                    assertThat(o.comment()).isEqualTo("Regulation is what our members voted for.");
                });
        TestMembers.signIn(f.convenor);
        PendingNotices.awaitFannedOut(db);
        assertThat(notifications.mine(10)).anySatisfy(n -> assertThat(n.text()).contains("kept theirs instead of compromise A3"));
    }

    @Test
    void onlyThatProposerAnswersOnceWhileBothAreOpen() {
        Amendment c = offer();
        for (var other : List.of(f.libDem, f.convenor, f.author)) {
            TestMembers.signIn(other);
            assertThatThrownBy(() -> compromises.answer(c.id(), green.id(), true, ""))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("Only the member who proposed A1");
        }
        TestMembers.signIn(f.outsider);
        assertThatThrownBy(() -> compromises.answer(c.id(), green.id(), true, ""))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no such amendment");
        TestMembers.signIn(f.green);
        assertThatThrownBy(() -> compromises.answer(libDem.id(), green.id(), true, ""))
                .as("A2 is no compromise offered for A1").isInstanceOf(InvalidInputException.class).hasMessageContaining("does not offer to replace A1");
        compromises.answer(c.id(), green.id(), false, "Ownership matters.");
        assertThatThrownBy(() -> compromises.answer(c.id(), green.id(), true, ""))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already answered");
        assertThat(find(green.id()).state()).as("the first answer stands").isEqualTo(AmendmentState.PROPOSED);

        // Once the compromise is rejected there is nothing left to answer.
        TestMembers.signIn(f.author);
        amendments.reject(c.id(), "Not now.");
        TestMembers.signIn(f.libDem);
        assertThatThrownBy(() -> compromises.answer(c.id(), libDem.id(), true, ""))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("A3 is no longer open (rejected)");
        assertThat(find(libDem.id()).state()).isEqualTo(AmendmentState.PROPOSED);
    }

    @Test
    void theStartingTextAppliesTheChosenAmendmentsThatDoNotCollide() {
        TestMembers.signIn(f.green);
        Amendment fines = amendments.proposeByEdit(proposal, 1, TEXT.replace("river restoration", "restoring rivers"), "Active voice");
        TestMembers.signIn(f.convenor);
        CompromiseStart start = compromises.startingText(proposal, Set.of(green.id(), libDem.id(), fines.id()));
        assertThat(start.applied()).containsExactly(1, 3);
        assertThat(start.leftOut()).as("A2 changes the words A1 changes").containsExactly(2);
        assertThat(start.text()).contains("brought into public ownership").contains("restoring rivers").doesNotContain("regulated");
    }
}
