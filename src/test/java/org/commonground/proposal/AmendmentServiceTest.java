package org.commonground.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.commonground.group.GroupService;
import org.commonground.shared.InvalidInputException;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class AmendmentServiceTest {

    /** Four paragraphs, one line each at width 80. */
    static final String TEXT = """
            We will end sewage discharges into rivers by 2030.

            Water companies will be run for the public good.

            Fines will go to river restoration.

            Bathing water status for every river town.
            """;

    @Autowired
    ProposalService proposals;
    @Autowired
    AmendmentService amendments;
    @Autowired
    AmendmentMerging merging;
    @Autowired
    GroupService groups;
    @Autowired
    TestMembers testMembers;

    ProposalFixture f;
    long proposal;

    @BeforeEach
    void setUp() {
        f = new ProposalFixture(testMembers, groups);
        proposal = f.proposalInDiscussion(proposals, TEXT);
    }

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    private Amendment find(int number) {
        return amendments.list(proposal).stream().filter(a -> a.number() == number).findFirst().orElseThrow();
    }

    @Test
    void amendmentsAreNumberedCitedByLineAndOverlapsConflict() {
        TestMembers.signIn(f.green);
        Amendment a1 = amendments.propose(proposal, 1, 2, 2, "Water companies will be brought into public ownership.", "Ownership, not promises");
        Amendment a2 = amendments.propose(proposal, 1, 2, 3, "Water will be public.", "Shorter");
        TestMembers.signIn(f.libDem);
        Amendment a3 = amendments.propose(proposal, 1, 4, 4, "Bathing water status for every river.", "Because it is better.");
        assertThat(List.of(a1.number(), a2.number(), a3.number())).containsExactly(1, 2, 3);
        assertThat(a1.citation()).isEqualTo("A1 to line 2");
        assertThat(a2.citation()).isEqualTo("A2 to lines 2\u20133");
        assertThat(a1.passages()).singleElement().satisfies(p -> {
            assertThat(p.before() + p.original() + p.after()).isEqualTo("Water companies will be run for the public good.");
            assertThat(p.original()).as("only the words that change").isEqualTo("run for the public good.");
        });
        assertThat(find(1).conflictsWith()).containsExactly(2);
        assertThat(find(3).conflictsWith()).isEmpty();
    }

    @Test
    void acceptingMergesANewRevisionMovesTheOthersAndFlagsTheOnesItTouched() {
        TestMembers.signIn(f.green);
        amendments.propose(proposal, 1, 1, 1, "We will end sewage discharges into all rivers and seas by 2028.", "Go further");
        amendments.propose(proposal, 1, 1, 2, "Clean water, public water.", "Merge the first two");
        TestMembers.signIn(f.libDem);
        amendments.propose(proposal, 1, 4, 4, "Bathing water status for every town on a river.", "Because it is better.");

        TestMembers.signIn(f.author);
        ProposalGlance before = proposals.glance(proposal);
        assertThat(amendments.accept(find(1).id())).isEqualTo(2);
        ProposalGlance after = proposals.glance(proposal);
        assertThat(after.revision()).isEqualTo(2);
        assertThat(after.amendmentDigests()).hasSize(3).isNotEqualTo(before.amendmentDigests())
                .as("A3 moved to the new revision, A2 was flagged: every digest changed").doesNotContainAnyElementsOf(before.amendmentDigests());

        ProposalDetails now = proposals.details(proposal);
        assertThat(now.current().number()).isEqualTo(2);
        assertThat(now.current().body()).contains("all rivers and seas by 2028.").doesNotContain("by 2030");
        assertThat(now.current().note()).startsWith("Merged A1");
        assertThat(find(1).state()).isEqualTo(AmendmentState.ACCEPTED);
        assertThat(find(1).mergedRevision()).isEqualTo(2);
        assertThat(find(2).outdated()).as("A2 replaced words A1 changed").isTrue();
        Amendment a3 = find(3);
        assertThat(a3.outdated()).isFalse();
        assertThat(a3.revision()).isEqualTo(2);
        AmendmentPassage moved = a3.passages().getFirst();
        assertThat(now.current().body().substring(moved.range().start(), moved.range().end())).isEqualTo(moved.original());
        assertThat(moved.before() + moved.original() + moved.after()).isEqualTo("Bathing water status for every river town.");

        assertThatThrownBy(() -> amendments.accept(find(2).id())).isInstanceOf(InvalidInputException.class).hasMessageContaining("no longer applies");
        assertThat(amendments.accept(a3.id())).isEqualTo(3);
        assertThat(proposals.details(proposal).current().body()).contains("every town on a river.");
    }

    @Test
    void anOrdinaryEditAlsoCarriesOpenAmendmentsAlong() {
        TestMembers.signIn(f.green);
        amendments.propose(proposal, 1, 3, 3, "Fines will go to river restoration, in full.", "Because it is better.");
        TestMembers.signIn(f.author);
        proposals.save(proposal, 1, new ProposalDraft("Clean rivers", "", "Our pledge.\n\n" + TEXT, "intro"));
        Amendment a1 = find(1);
        assertThat(a1.revision()).isEqualTo(2);
        assertThat(a1.citation()).isEqualTo("A1 to line 4");
    }

    @Test
    void rejectedAndWithdrawnAmendmentsStayVisible() {
        TestMembers.signIn(f.green);
        Amendment a1 = amendments.propose(proposal, 1, 1, 1, "Sooner.", "Because it is better.");
        Amendment a2 = amendments.propose(proposal, 1, 3, 3, "No fines.", "Because it is better.");
        TestMembers.signIn(f.libDem);
        assertThatThrownBy(() -> amendments.withdraw(a2.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> amendments.reject(a1.id(), "no")).isInstanceOf(AccessDeniedException.class);
        TestMembers.signIn(f.convenor);
        assertThatThrownBy(() -> amendments.reject(a1.id(), " ")).isInstanceOf(InvalidInputException.class);
        assertThat(amendments.reject(a1.id(), "2030 is what the water companies can deliver")).isTrue();
        TestMembers.signIn(f.green);
        assertThat(amendments.withdraw(a2.id())).isTrue();
        assertThat(amendments.list(proposal)).extracting(Amendment::state, Amendment::decisionReason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AmendmentState.REJECTED, "2030 is what the water companies can deliver"),
                org.assertj.core.groups.Tuple.tuple(AmendmentState.WITHDRAWN, ""));
    }

    @Test
    void badAmendmentsAreRefused() {
        TestMembers.signIn(f.green);
        assertThatThrownBy(() -> amendments.propose(proposal, 1, 9, 12, "x", "Because it is better."))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("fromLine")).contains("between 1 and 4"));
        assertThatThrownBy(() -> amendments.propose(proposal, 1, 3, 3, "Fines will go to river restoration.", "Because it is better."))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("replacement")).contains("same"));
        TestMembers.signIn(f.author);
        proposals.save(proposal, 1, new ProposalDraft("Clean rivers", "", TEXT + "\nMore.", ""));
        TestMembers.signIn(f.green);
        assertThatThrownBy(() -> amendments.propose(proposal, 1, 1, 1, "x", "Because it is better."))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("fromLine")).contains("revision 2"));
        TestMembers.signIn(f.outsider);
        assertThatThrownBy(() -> amendments.propose(proposal, 2, 1, 1, "x", "Because it is better.")).isInstanceOf(InvalidInputException.class);
        TestMembers.signIn(f.convenor);
        proposals.move(proposal, ProposalState.WITHDRAWN);
        TestMembers.signIn(f.green);
        assertThatThrownBy(() -> amendments.propose(proposal, 2, 1, 1, "x", "Because it is better."))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("withdrawn");
        assertThat(amendments.list(proposal)).isEmpty();
    }

    @Test
    void aRangeThatRunsBackwardsIsRefusedAtItsLastLineNotTurnedIntoADeletionOfTheFirst() {
        TestMembers.signIn(f.green);
        // Issue 19: "from line 8 to line 3", replacement and reason left empty, made a deletion of line 8 without a word.
        assertThatThrownBy(() -> amendments.propose(proposal, 1, 4, 2, "", ""))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.messageFor("toLine")).isEqualTo("Line 2 comes before line 4. A passage runs forwards: make this line 4 or later.");
                    assertThat(e.messageFor("reason")).as("every problem at once, each at its field").contains("Say why");
                    assertThat(e.messageFor("fromLine")).isNull();
                });
        assertThatThrownBy(() -> amendments.proposeDeletion(proposal, 1, 4, 2, "Shorter"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("toLine")).contains("comes before line 4"));
        assertThatThrownBy(() -> amendments.propose(proposal, 1, 2, 5, "x", "Shorter"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("toLine")).contains("between 1 and 4"));
        assertThat(amendments.list(proposal)).isEmpty();
    }

    @Test
    void anEmptyReplacementDeletesOnlyWhenTheMemberAskedForADeletion() {
        TestMembers.signIn(f.green);
        for (String empty : new String[] {"", "  \n ", null}) {
            assertThatThrownBy(() -> amendments.propose(proposal, 1, 2, 3, empty, "Shorter"))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("replacement"))
                            .isEqualTo("The replacement is empty. Write the new wording of lines 2\u20133, or confirm that you mean to delete them."));
        }
        assertThat(amendments.list(proposal)).isEmpty();
        assertThatThrownBy(() -> amendments.proposeDeletion(proposal, 1, 2, 3, " "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("reason")).contains("Say why"));
        assertThatThrownBy(() -> amendments.propose(proposal, 1, 2, 2, "Public ownership.", ""))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("reason")).contains("Say why"));
        assertThat(amendments.list(proposal)).isEmpty();

        Amendment deletion = amendments.proposeDeletion(proposal, 1, 2, 3, "Shorter");
        assertThat(deletion.citation()).isEqualTo("A1 to lines 2\u20133");
        TestMembers.signIn(f.author);
        amendments.accept(deletion.id());
        assertThat(proposals.details(proposal).current().body()).doesNotContain("Water companies").doesNotContain("Fines")
                .contains("by 2030.").contains("Bathing water");
    }

    @Test
    void oneEditAnywhereBecomesOneAmendmentWithAPassagePerRunOfChangedLines() {
        TestMembers.signIn(f.green);
        String edited = TEXT.replace("run for the public good", "owned by the public").replace("every river town", "every river and lake");
        assertThat(amendments.previewEdit(proposal, 1, edited)).extracting(AmendmentPassage::lines).containsExactly("line 2", "line 4");
        assertThat(amendments.list(proposal)).as("a preview writes nothing").isEmpty();

        Amendment a1 = amendments.proposeByEdit(proposal, 1, edited, "Ownership and lakes");
        assertThat(a1.citation()).isEqualTo("A1 to lines 2 and 4");
        assertThat(a1.passages()).extracting(AmendmentPassage::original).containsExactly("run for the public good.", "town.");
        assertThat(a1.passages()).extracting(AmendmentPassage::replacement).containsExactly("owned by the public.", "and lake.");

        Amendment a2 = amendments.proposeByEdit(proposal, 1, TEXT.replace("by 2030", "by 2028").replace("the public good", "all"), "Sooner");
        assertThat(a2.citation()).as("neighbouring lines make one passage").isEqualTo("A2 to lines 1\u20132");
        assertThat(find(1).conflictsWith()).as("A2's passage overlaps A1's first").containsExactly(2);

        TestMembers.signIn(f.libDem);
        Amendment a3 = amendments.proposeByEdit(proposal, 1, TEXT.replace("Fines will go", "All fines will go"), "All of them");
        assertThat(a3.conflictsWith()).isEmpty();

        TestMembers.signIn(f.author);
        assertThat(amendments.accept(a1.id())).isEqualTo(2);
        String merged = proposals.details(proposal).current().body();
        assertThat(merged).contains("owned by the public.").contains("every river and lake.").doesNotContain("river town");
        assertThat(find(2).outdated()).as("one of A2's passages lost its words, so all of A2 no longer applies").isTrue();
        assertThat(find(3).revision()).isEqualTo(2);
        assertThat(amendments.accept(a3.id())).isEqualTo(3);
        assertThat(proposals.details(proposal).current().body()).contains("All fines will go to river restoration.").contains("owned by the public.");
    }

    @Test
    void anEditThatChangesNothingOrGivesNoReasonIsRefusedWhereItWasTyped() {
        TestMembers.signIn(f.green);
        assertThat(amendments.previewEdit(proposal, 1, TEXT.replace("2030.\n\nWater", "2030.\nWater")))
                .as("joining two paragraphs changes the text's structure").extracting(AmendmentPassage::lines).containsExactly("lines 1\u20132");
        assertThatThrownBy(() -> amendments.proposeByEdit(proposal, 1, TEXT.replace("public good.", "public  good."), "Spacing"))
                .as("spacing inside a paragraph changes nothing anyone reads")
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("text")).contains("Nothing has changed"));
        assertThatThrownBy(() -> amendments.proposeByEdit(proposal, 1, TEXT.replace("2030", "2028"), " "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("reason")).contains("Say why"));
        assertThat(amendments.list(proposal)).isEmpty();
    }

    @Test
    void anAuthorsEditMovesEveryPassageAlongOrFlagsTheWholeAmendment() {
        TestMembers.signIn(f.green);
        Amendment both = amendments.proposeByEdit(proposal, 1, TEXT.replace("by 2030", "by 2028").replace("every river town", "every river"), "Sooner, wider");
        Amendment other = amendments.proposeByEdit(proposal, 1, TEXT.replace("river restoration", "restoring rivers"), "Plainer");
        assertThat(both.passages()).hasSize(2);

        TestMembers.signIn(f.author);
        proposals.save(proposal, 1, new ProposalDraft("Clean rivers", "", "Our pledge.\n\n" + TEXT, "intro"));
        Amendment moved = find(both.number());
        assertThat(moved.revision()).isEqualTo(2);
        assertThat(moved.citation()).as("both passages one line further down").isEqualTo("A1 to lines 2 and 5");
        String text = proposals.details(proposal).current().body();
        assertThat(moved.passages()).allSatisfy(p -> assertThat(text.substring(p.range().start(), p.range().end())).isEqualTo(p.original()));

        proposals.save(proposal, 2, new ProposalDraft("Clean rivers", "", text.replace("river town", "riverside town"), "riverside"));
        assertThat(find(both.number()).outdated()).as("one passage's words changed, so the amendment as a whole no longer applies").isTrue();
        assertThat(find(other.number()).outdated()).isFalse();
        assertThat(find(other.number()).revision()).isEqualTo(3);
    }

    @Test
    void aProposalPastRevision127StillMergesAndSeveralMergeInOneStep() {
        // Boxed numbers compared with == agree only up to 127: this is where such a slip would show.
        TestMembers.signIn(f.author);
        String text = TEXT;
        for (int revision = 1; revision < 130; revision++) {
            text = TEXT + "\nNote " + revision + ".";
            proposals.save(proposal, revision, new ProposalDraft("Clean rivers", "", text, ""));
        }
        TestMembers.signIn(f.green);
        Amendment a1 = amendments.proposeByEdit(proposal, 130, text.replace("by 2030", "by 2028"), "Sooner");
        Amendment a2 = amendments.proposeByEdit(proposal, 130, text.replace("river town", "riverside town"), "Riverside");
        TestMembers.signIn(f.author);
        assertThat(amendments.accept(a1.id())).isEqualTo(131);
        assertThat(merging.merge(proposal, 131, java.util.Set.of(a2.id()), java.util.Map.of())).isEqualTo(132);
        assertThat(proposals.details(proposal).current().body()).contains("by 2028", "riverside town");
    }
}
