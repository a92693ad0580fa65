package org.commonground.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.pact.terms.PactTerms;
import org.commonground.pact.terms.SeatTerms;
import org.commonground.pact.terms.Stance;
import org.commonground.comment.CommentService;
import org.commonground.comment.NewComment;
import org.commonground.comment.Visibility;
import org.commonground.security.SignedInMember;
import org.commonground.shared.InvalidInputException;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class PactServiceTest {

    static final String ALDERSHOT = "E14001063";
    static final String BRISTOL = "E14001131";

    @Autowired
    PactService pacts;

    @Autowired
    PactAmendmentService pactAmendments;
    @Autowired
    GroupService groups;
    @Autowired
    CommentService comments;
    @Autowired
    TestMembers testMembers;
    @Autowired
    DSLContext db;

    SignedInMember labConvenor;
    SignedInMember green1;
    SignedInMember green2;
    SignedInMember libDem;
    SignedInMember outsider;
    long group;

    @BeforeEach
    void localGroup() {
        labConvenor = testMembers.register("Lab convenor", "LAB");
        TestMembers.signIn(labConvenor);
        group = groups.create(new NewGroup("Pact town " + labConvenor.id(), GroupKind.LOCAL, null,
                "Aldershot (" + ALDERSHOT + ")\nBristol Central (" + BRISTOL + ")"));
        green1 = join("Green one", "GRN");
        green2 = join("Green two", "GRN");
        libDem = join("Lib Dem", "LD");
        outsider = testMembers.register("Outsider", "GRN");
    }

    private SignedInMember join(String name, String party) {
        return testMembers.joined(groups, group, labConvenor, name, party);
    }

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    /** Aldershot: LAB candidate, GRN stands down, LD paper candidate; Bristol Central: GRN candidate, LAB stands down, LD stands. */
    static PactTerms reciprocal() {
        Map<String, Stance> aldershot = new LinkedHashMap<>();
        aldershot.put("GRN", Stance.STANDS_DOWN);
        aldershot.put("LD", Stance.PAPER_CANDIDATE);
        Map<String, Stance> bristol = new LinkedHashMap<>();
        bristol.put("LAB", Stance.STANDS_DOWN);
        bristol.put("LD", Stance.STANDS);
        return new PactTerms(List.of(new SeatTerms(ALDERSHOT, "Aldershot", "LAB", aldershot),
                new SeatTerms(BRISTOL, "Bristol Central", "GRN", bristol)), "Joint leaflets.");
    }

    static long negotiatedPact(PactService pacts, SignedInMember convenor, long group) {
        TestMembers.signIn(convenor);
        long id = pacts.start(group, "Two-seat pact", List.of(ALDERSHOT, BRISTOL), null);
        pacts.revise(id, 1, reciprocal(), "Terms as agreed in the room");
        pacts.openNegotiation(id);
        return id;
    }

    private long negotiatedPact() {
        return negotiatedPact(pacts, labConvenor, group);
    }

    @Test
    void startingProposesEveryOtherPartyStandingAndOnlyConvenorsOfLocalGroupsStart() {
        TestMembers.signIn(labConvenor);
        long id = pacts.start(group, "Draft pact", List.of(ALDERSHOT), null);
        PactDetails d = pacts.details(id);
        assertThat(d.state()).isEqualTo(PactState.DRAFT);
        SeatTerms seat = d.terms().seats().getFirst();
        assertThat(seat.candidate()).isEqualTo(org.commonground.pact.terms.Candidate.ofParty("GRN"));
        assertThat(seat.stances()).containsOnlyKeys("LAB", "LD").containsValues(Stance.STANDS);

        TestMembers.signIn(green1);
        assertThatThrownBy(() -> pacts.start(group, "Mine", List.of(ALDERSHOT), null)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void termsNamingAConstituencyOutsideTheGroupOrAPartyStandingDownForItselfAreRefused() {
        long id = negotiatedPact();
        Map<String, Stance> itself = Map.of("LAB", Stance.STANDS_DOWN);
        PactTerms selfDefeating = new PactTerms(List.of(new SeatTerms(ALDERSHOT, "Aldershot", "LAB", itself)), "");
        assertThatThrownBy(() -> pacts.revise(id, 2, selfDefeating, ""))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cannot also stand down");
        PactTerms elsewhere = new PactTerms(List.of(new SeatTerms("E14001064", "Aldridge-Brownhills", "LAB", Map.of())), "");
        assertThatThrownBy(() -> pacts.revise(id, 2, elsewhere, ""))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not one of this group's constituencies");
        assertThat(pacts.details(id).summary().currentRevision()).isEqualTo(2);
    }

    @Test
    void anAmendmentByAnInvolvedPartyBecomesTheNextRevisionWhenAccepted() {
        long id = negotiatedPact();
        TestMembers.signIn(libDem);
        PactTerms ldStandsDown = new PactTerms(reciprocal().seats().stream().map(s -> {
            Map<String, Stance> st = new LinkedHashMap<>(s.stances());
            st.put("LD", Stance.STANDS_DOWN);
            return new SeatTerms(s.onsCode(), s.constituency(), s.candidate(), st);
        }).toList(), "Joint leaflets.");
        long amendment = pactAmendments.proposeAmendment(id, ldStandsDown, "We give way too");
        TestMembers.signIn(outsider);
        assertThatThrownBy(() -> pacts.details(id)).isInstanceOf(InvalidInputException.class);

        TestMembers.signIn(labConvenor);
        assertThat(pactAmendments.acceptAmendment(amendment)).isEqualTo(3);
        PactDetails d = pacts.details(id);
        assertThat(d.terms()).isEqualTo(ldStandsDown);
        assertThat(d.amendments().getFirst().state()).isEqualTo("ACCEPTED");
        assertThat(d.revisions()).extracting(PactRevision::number).containsExactly(3, 2, 1);
        assertThatThrownBy(() -> pactAmendments.acceptAmendment(amendment)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anAccountOnlyClaimingAPartyInThePactNeitherDiscussesNorAmendsItNorRatifiesForIt() {
        long pact = negotiatedPact();
        SignedInMember claiming = testMembers.joinedClaiming(groups, group, labConvenor, "Claims green", "GRN");

        TestMembers.signIn(claiming);
        assertThatThrownBy(() -> comments.postOnPact(pact, NewComment.onProposal(Visibility.SHARED, "As a Green...")))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("confirmed");
        assertThatThrownBy(() -> pactAmendments.proposeAmendment(pact, reciprocal(), "Greens want more."))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("confirmed by their party");
    }

    @Test
    void caucusCommentsOnAPactStayWithTheAuthorsParty() {
        long id = negotiatedPact();
        TestMembers.signIn(green1);
        comments.postOnPact(id, NewComment.onProposal(Visibility.CAUCUS, "Greens only: hold firm on Bristol"));
        comments.postOnPact(id, NewComment.onProposal(Visibility.SHARED, "Happy with the leaflets"));
        TestMembers.signIn(green2);
        assertThat(comments.threadOfPact(id)).hasSize(2);
        TestMembers.signIn(libDem);
        assertThat(comments.threadOfPact(id)).extracting(c -> c.body()).containsExactly("Happy with the leaflets");
        TestMembers.signIn(outsider);
        assertThatThrownBy(() -> comments.threadOfPact(id)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anAmendmentHasItsOwnDiscussionAndAnotherPactsAmendmentIsRefused() {
        long id = negotiatedPact();
        long other = negotiatedPact();
        TestMembers.signIn(libDem);
        PactTerms changed = new PactTerms(reciprocal().seats(), "Joint leaflets, and a joint hustings.");
        long amendment = pactAmendments.proposeAmendment(id, changed, "");
        long elsewhere = pactAmendments.proposeAmendment(other, changed, "");
        TestMembers.signIn(green1);
        long comment = comments.postOnPact(id, new NewComment(amendment, null, Visibility.SHARED, null, null, null, false, "Yes to hustings"));
        comments.postOnPact(id, new NewComment(null, comment, Visibility.SHARED, null, null, null, false, "Agreed"));
        assertThat(comments.threadOfPact(id)).extracting(c -> c.amendmentId()).containsExactly(amendment, amendment);
        assertThatThrownBy(() -> comments.postOnPact(id, new NewComment(elsewhere, null, Visibility.SHARED, null, null, null, false, "Wrong pact")))
                .isInstanceOf(InvalidInputException.class);
    }
}
