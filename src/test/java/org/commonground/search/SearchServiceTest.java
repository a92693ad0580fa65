package org.commonground.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.commonground.jooq.Tables.COMMENT;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;

import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.pact.PactService;
import org.commonground.pact.PactAmendmentService;
import org.commonground.pact.terms.PactTerms;
import org.commonground.proposal.AmendmentService;
import org.commonground.comment.CommentService;
import org.commonground.comment.NewComment;
import org.commonground.proposal.ProposalDraft;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
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

/**
 * Search on a real PostgreSQL: stemming, 'simple' matching, ranking and highlighting, and above all that nothing a
 * member may not read is ever found. Every test searches for a word made up for it, so tests sharing the database
 * cannot find each other's rows.
 */
@IntegrationTest
class SearchServiceTest {

    static final String CARDIFF_CENTRAL = "W07000001";

    @Autowired
    SearchService search;
    @Autowired
    GroupService groups;
    @Autowired
    ProposalService proposals;
    @Autowired
    AmendmentService amendments;
    @Autowired
    CommentService comments;
    @Autowired
    PactService pacts;
    @Autowired
    PactAmendmentService pactAmendments;
    @Autowired
    TestMembers testMembers;
    @Autowired
    DSLContext db;

    SignedInMember convenor;
    SignedInMember labMember;
    SignedInMember greenMember;
    SignedInMember outsider;
    SignedInMember cardiffGreen;
    long group;

    /** A word no other row has: consonants only, so no stemmer shortens it. */
    static String word() {
        String letters = "bcdfghjklmnpqrtvwxz";
        Random random = new Random();
        StringBuilder w = new StringBuilder("zq");
        for (int i = 0; i < 10; i++) {
            w.append(letters.charAt(random.nextInt(letters.length())));
        }
        return w.toString();
    }

    @BeforeEach
    void aGroupAndAnOutsider() {
        convenor = testMembers.register("Search convenor", "LAB");
        TestMembers.signIn(convenor);
        group = groups.create(new NewGroup("Search hall " + convenor.id(), GroupKind.ALLIANCE, null, null));
        labMember = testMembers.joined(groups, group, convenor, "Lab reader", "LAB");
        greenMember = testMembers.joined(groups, group, convenor, "Green reader", "GRN");
        // The outsider belongs to a group of their own, with proposals of its own.
        outsider = testMembers.register("Outsider", "LAB");
        TestMembers.signIn(outsider);
        groups.create(new NewGroup("Elsewhere " + outsider.id(), GroupKind.ALLIANCE, null, null));
    }

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    private long proposalInDiscussion(String title, String body) {
        TestMembers.signIn(convenor);
        long id = proposals.create(group, new ProposalDraft(title, "", body, ""));
        proposals.move(id, ProposalState.DISCUSSION);
        return id;
    }

    private List<SearchResult> as(SignedInMember member, String query) {
        TestMembers.signIn(member);
        return search.search(query, 50);
    }

    private List<Long> found(SignedInMember member, String query, SearchKind kind) {
        return as(member, query).stream().filter(r -> r.kind() == kind).map(SearchResult::id).toList();
    }

    // --- matching, ranking, highlighting ---

    @Test
    void votingFindsVotesAndResultsAreRankedTitleFirstThenTheCommentThatSaysItMost() {
        String w = word();
        long proposal = proposalInDiscussion("Votes at sixteen " + w, "Young people should have their say in " + w + " elections.");
        TestMembers.signIn(greenMember);
        long often = comments.post(proposal, NewComment.onProposal(Visibility.SHARED,
                // The capitalised form is not the first word: PostgreSQL 17's ts_headline may leave leading words out.
                "For young people: Votes at sixteen mean their votes count as much as anyone's votes. " + w));
        long once = comments.post(proposal, NewComment.onProposal(Visibility.SHARED,
                "I have read the whole text carefully, talked with neighbours at the library and at the bus stop, and "
                        + "think the part about schools needs more work before anyone votes on it. " + w));

        List<SearchResult> results = as(labMember, "voting " + w);

        assertThat(results).extracting(SearchResult::kind, SearchResult::id).containsExactly(
                tuple(SearchKind.PROPOSAL, proposal),
                tuple(SearchKind.COMMENT, often),
                tuple(SearchKind.COMMENT, once));
        assertThat(results.get(0).rank()).isGreaterThan(results.get(1).rank());
        assertThat(results.get(1).rank()).isGreaterThan(results.get(2).rank());
        assertThat(results.get(0).title()).isEqualTo("Votes at sixteen " + w);
        assertThat(results.get(0).groupName()).isEqualTo("Search hall " + convenor.id());
        assertThat(results.get(1).link()).isEqualTo("proposals/" + proposal);
        // "voting" is stemmed to "vote", so every form of the word is highlighted.
        assertThat(results.get(1).snippet().highlights()).contains("Votes", "votes");
        assertThat(results.get(2).snippet().highlights()).contains("votes");
        assertThat(results.get(2).snippet().text()).contains("votes on it");
    }

    @Test
    void welshWordsAndNamesAreFoundAsWrittenEvenWhereEnglishWouldDropThem() {
        String w = word();
        long proposal = proposalInDiscussion("Bysiau " + w, "Gwasanaethau bws i bawb.");
        TestMembers.signIn(greenMember);
        long comment = comments.post(proposal, NewComment.onProposal(Visibility.SHARED,
                "Cyfarfod yn Caerdydd gyda Llywodraeth Cymru. Ask Will Jones, who chairs it. " + w));

        assertThat(found(labMember, "Caerdydd " + w, SearchKind.COMMENT)).containsExactly(comment);
        assertThat(found(labMember, "llywodraeth " + w, SearchKind.COMMENT)).containsExactly(comment);
        assertThat(found(labMember, "gwasanaethau " + w, SearchKind.PROPOSAL)).containsExactly(proposal);
        // "Will" is an English stop word: only the 'simple' configuration keeps it.
        List<SearchResult> will = as(labMember, "Will");
        assertThat(will).extracting(SearchResult::id).containsExactly(comment);
        assertThat(will.getFirst().snippet().highlights()).contains("Will");
        assertThat(as(labMember, "Caerdydd " + w).getFirst().snippet().highlights()).contains("Caerdydd");
        // A phrase must appear as one.
        assertThat(found(labMember, "\"Llywodraeth Cymru\" " + w, SearchKind.COMMENT)).containsExactly(comment);
        assertThat(found(labMember, "\"Cymru Llywodraeth\" " + w, SearchKind.COMMENT)).isEmpty();
    }

    @Test
    void snippetsAreTextWithHighlightedRangesAndCarryNoMarkersOrMarkupOfTheirOwn() {
        String w = word();
        long proposal = proposalInDiscussion("Markup " + w, "Plain text.");
        TestMembers.signIn(greenMember);
        comments.post(proposal, NewComment.onProposal(Visibility.SHARED,
                "Fares \u0002under\u0003 5 < 6 & " + w + " <img src=x onerror=alert(1)> cheaper fares."));

        SearchResult r = as(labMember, "fare " + w).getFirst();

        assertThat(r.snippet().highlights()).containsExactly("Fares", w, "fares");
        // The markers a member typed are not markers: they are taken out, never turned into highlights.
        assertThat(r.snippet().text()).contains("Fares under 5 < 6 &").doesNotContain("\u0002", "\u0003");
        assertThat(r.snippet().parts()).noneMatch(p -> p.highlighted() && p.text().equals("under"));
    }

    @Test
    void amendmentsPactsAndTheirCommentsAreFoundAndLinkToTheirPages() {
        String w = word();
        long proposal = proposalInDiscussion("Rivers " + w, "Clean rivers.\n\nNo sewage.");
        TestMembers.signIn(labMember);
        long amendment = amendments.propose(proposal, 1, 1, 1, "Clean rivers and lakes " + w + ".", "Lakes matter too.").id();
        long onAmendment = comments.post(proposal, new NewComment(amendment, null, Visibility.SHARED, null, null, null, false,
                "Reservoirs too " + w));

        long localGroup = localGroupWithPact();
        TestMembers.signIn(convenor);
        long pact = pacts.start(localGroup, "Cardiff pact " + w, List.of(CARDIFF_CENTRAL), null);
        PactTerms terms = pacts.details(pact).terms();
        pacts.revise(pact, 1, new PactTerms(terms.seats(), "Joint leaflets and hustings in Caerdydd " + w + "."), "conditions");
        pacts.openNegotiation(pact);
        long pactComment = comments.postOnPact(pact, NewComment.onProposal(Visibility.SHARED, "Leaflets by May " + w));
        TestMembers.signIn(cardiffGreen);
        long pactAmendment = pactAmendments.proposeAmendment(pact, new PactTerms(terms.seats(), "Joint leaflets only."),
                "Hustings cost too much " + w);

        List<SearchResult> results = as(convenor, w);
        assertThat(results).extracting(SearchResult::kind).containsExactlyInAnyOrder(SearchKind.PROPOSAL, SearchKind.AMENDMENT,
                SearchKind.COMMENT, SearchKind.PACT, SearchKind.PACT_AMENDMENT, SearchKind.COMMENT);
        SearchResult pa = results.stream().filter(r -> r.kind() == SearchKind.PACT_AMENDMENT).findFirst().orElseThrow();
        assertThat(pa.id()).isEqualTo(pactAmendment);
        assertThat(pa.label()).isEqualTo("Pact amendment A1");
        assertThat(pa.link()).isEqualTo("pacts/" + pact);
        assertThat(pa.snippet().highlights()).containsExactly(w);
        // Nobody outside the local group finds the pact or anything on it.
        assertThat(as(labMember, w)).extracting(SearchResult::kind)
                .containsExactlyInAnyOrder(SearchKind.PROPOSAL, SearchKind.AMENDMENT, SearchKind.COMMENT);
        assertThat(as(outsider, w)).isEmpty();
        TestMembers.signIn(convenor);
        SearchResult a = results.stream().filter(r -> r.kind() == SearchKind.AMENDMENT).findFirst().orElseThrow();
        assertThat(a.id()).isEqualTo(amendment);
        assertThat(a.label()).isEqualTo("Amendment A1");
        assertThat(a.link()).isEqualTo("proposals/" + proposal);
        assertThat(a.title()).isEqualTo("Rivers " + w);
        assertThat(results.stream().filter(r -> r.id() == onAmendment && r.kind() == SearchKind.COMMENT).findFirst().orElseThrow().link())
                .isEqualTo("proposals/" + proposal);
        SearchResult p = results.stream().filter(r -> r.kind() == SearchKind.PACT).findFirst().orElseThrow();
        assertThat(p.id()).isEqualTo(pact);
        assertThat(p.link()).isEqualTo("pacts/" + pact);
        assertThat(p.groupName()).isEqualTo("Cardiff local " + convenor.id());
        assertThat(p.snippet().highlights()).contains(w);
        assertThat(results.stream().filter(r -> r.id() == pactComment && r.kind() == SearchKind.COMMENT).findFirst().orElseThrow().link())
                .isEqualTo("pacts/" + pact);
        // With stemming, "leaflet" finds the conditions, the comment and the amendment's conditions.
        assertThat(as(convenor, "leaflet " + w)).extracting(SearchResult::kind)
                .containsExactlyInAnyOrder(SearchKind.PACT, SearchKind.COMMENT, SearchKind.PACT_AMENDMENT);
        // The pact's title is searched too.
        assertThat(found(convenor, "Cardiff " + w, SearchKind.PACT)).containsExactly(pact);
    }

    private long localGroupWithPact() {
        TestMembers.signIn(convenor);
        long local = groups.create(new NewGroup("Cardiff local " + convenor.id(), GroupKind.LOCAL, null,
                "Cardiff Central (" + CARDIFF_CENTRAL + ")"));
        cardiffGreen = testMembers.joined(groups, local, convenor, "Cardiff green", "GRN");
        return local;
    }

    // --- who may find what ---

    @Test
    void aMemberOfAnotherGroupFindsNothingOfThisGroup() {
        String w = word();
        long proposal = proposalInDiscussion("Trams " + w, "Trams for " + w + ".");
        TestMembers.signIn(labMember);
        amendments.propose(proposal, 1, 1, 1, "Trams and buses for " + w + ".", "Because it is better.");
        comments.post(proposal, NewComment.onProposal(Visibility.SHARED, "Yes to trams " + w));
        long local = localGroupWithPact();
        TestMembers.signIn(convenor);
        long pact = pacts.start(local, "Pact " + w, List.of(CARDIFF_CENTRAL), null);
        comments.postOnPact(pact, NewComment.onProposal(Visibility.SHARED, "Pact talk " + w));
        PactTerms terms = pacts.details(pact).terms();
        pacts.openNegotiation(pact);
        TestMembers.signIn(cardiffGreen);
        pactAmendments.proposeAmendment(pact, new PactTerms(terms.seats(), "Leaflets."), "Because " + w);

        assertThat(as(convenor, w)).extracting(SearchResult::kind).containsExactlyInAnyOrder(SearchKind.PROPOSAL,
                SearchKind.AMENDMENT, SearchKind.COMMENT, SearchKind.PACT, SearchKind.COMMENT, SearchKind.PACT_AMENDMENT);
        assertThat(as(outsider, w)).isEmpty();
        assertThat(as(outsider, "trams " + w)).isEmpty();
        // A member of the proposal's group who is not in the pact's local group sees the proposal's side only.
        assertThat(as(labMember, w)).extracting(SearchResult::kind)
                .containsExactlyInAnyOrder(SearchKind.PROPOSAL, SearchKind.AMENDMENT, SearchKind.COMMENT);
        // Asking to join is not membership.
        TestMembers.signIn(outsider);
        groups.requestToJoin(group);
        assertThat(as(outsider, w)).isEmpty();
        TestMembers.signIn(convenor);
        groups.approve(group, outsider.id());
        assertThat(as(outsider, w)).extracting(SearchResult::kind)
                .containsExactlyInAnyOrder(SearchKind.PROPOSAL, SearchKind.AMENDMENT, SearchKind.COMMENT);
    }

    @Test
    void aCaucusCommentIsFoundOnlyByTheAuthorsParty() {
        String w = word();
        long proposal = proposalInDiscussion("Housing " + w, "Homes.");
        TestMembers.signIn(labMember);
        long caucus = comments.post(proposal, NewComment.onProposal(Visibility.CAUCUS, "Between us Labour folk: " + w));
        long shared = comments.post(proposal, NewComment.onProposal(Visibility.SHARED, "For everyone: " + w));
        long local = localGroupWithPact();
        TestMembers.signIn(convenor);
        long pact = pacts.start(local, "Pact", List.of(CARDIFF_CENTRAL), null);
        long pactCaucus = comments.postOnPact(pact, NewComment.onProposal(Visibility.CAUCUS, "Labour only on the pact " + w));
        TestMembers.signIn(greenMember);
        long greenCaucus = comments.post(proposal, NewComment.onProposal(Visibility.CAUCUS, "Greens only: " + w));

        assertThat(found(greenMember, w, SearchKind.COMMENT)).containsExactlyInAnyOrder(shared, greenCaucus);
        assertThat(found(labMember, w, SearchKind.COMMENT)).containsExactlyInAnyOrder(caucus, shared);
        assertThat(found(convenor, w, SearchKind.COMMENT)).containsExactlyInAnyOrder(caucus, shared, pactCaucus);
        assertThat(as(convenor, w).stream().filter(SearchResult::caucus).map(SearchResult::label)).containsOnly("Caucus comment");
        // Searching the caucus's own words finds nothing for another party.
        assertThat(as(greenMember, "Labour folk " + w)).isEmpty();
        TestMembers.signIn(convenor);
        SignedInMember cardiffGreen = testMembers.joined(groups, local, convenor, "Another green", "GRN");
        assertThat(as(cardiffGreen, "pact " + w)).isEmpty();
    }

    @Test
    void aDraftIsFoundByItsAuthorsAndTheConvenorOnlyAndSoAreItsComments() {
        String w = word();
        TestMembers.signIn(greenMember);
        long draft = proposals.create(group, new ProposalDraft("Secret plan " + w, "", "Not yet for the group: " + w, ""));
        long note = comments.post(draft, NewComment.onProposal(Visibility.SHARED, "Note to self " + w));

        assertThat(found(greenMember, w, SearchKind.PROPOSAL)).containsExactly(draft);
        assertThat(found(greenMember, w, SearchKind.COMMENT)).containsExactly(note);
        assertThat(found(convenor, w, SearchKind.PROPOSAL)).containsExactly(draft);
        assertThat(as(labMember, w)).isEmpty();
        assertThat(as(labMember, "secret plan " + w)).isEmpty();
        assertThat(as(outsider, w)).isEmpty();
        // A co-author reads it too, and once the group discusses it every member does.
        TestMembers.signIn(greenMember);
        proposals.addCoAuthor(draft, labMember.id());
        assertThat(found(labMember, w, SearchKind.PROPOSAL)).containsExactly(draft);
        TestMembers.signIn(convenor);
        SignedInMember later = testMembers.joined(groups, group, convenor, "Later", "LD");
        assertThat(as(later, w)).isEmpty();
        TestMembers.signIn(convenor);
        proposals.move(draft, ProposalState.DISCUSSION);
        assertThat(found(later, w, SearchKind.PROPOSAL)).containsExactly(draft);
    }

    @Test
    void deletedCommentsAreNeverFound() {
        String w = word();
        long proposal = proposalInDiscussion("Parks " + w, "Green spaces.");
        TestMembers.signIn(labMember);
        long deleted = comments.post(proposal, NewComment.onProposal(Visibility.SHARED, "Regrettable words " + w));
        long kept = comments.post(proposal, NewComment.onProposal(Visibility.SHARED, "Kept words " + w));
        comments.delete(deleted);
        // Even if a deleted row still held words, the search must not return it.
        long markedOnly = comments.post(proposal, NewComment.onProposal(Visibility.SHARED, "Marked deleted " + w));
        db.update(COMMENT).set(COMMENT.DELETED_AT, OffsetDateTime.now()).where(COMMENT.ID.eq(markedOnly)).execute();

        assertThat(found(labMember, w, SearchKind.COMMENT)).containsExactly(kept);
        assertThat(found(convenor, "words " + w, SearchKind.COMMENT)).containsExactly(kept);
        assertThat(found(labMember, "regrettable " + w, SearchKind.COMMENT)).isEmpty();
        assertThat(found(labMember, "marked " + w, SearchKind.COMMENT)).isEmpty();
    }

    /**
     * A tsvector holds at most 1 MB. A text at the length limit made of very many different words (here 28,500
     * words of two-byte letters, each stemmed differently by English) would not fit: saving it must still work, and
     * it is found by its beginning.
     */
    @Test
    void aLongTextOfManyDifferentWordsStillSavesAndIsFoundByItsBeginning() {
        String w = word();
        String letters = "\u00e2\u00ea\u00ee\u00f4\u00fb\u0175\u0177\u00e1\u00e9\u00ed\u00f3\u00fa\u00e0\u00e8\u00ec\u00f2";
        StringBuilder body = new StringBuilder(w).append(' ');
        for (int n = 0; body.length() < 399_000; n++) {
            body.append("ba");
            for (int digit = 7; digit >= 0; digit--) {
                body.append(letters.charAt((n >> (4 * digit)) & 15));
            }
            body.append("ing ");
        }
        TestMembers.signIn(convenor);
        long id = proposals.create(group, new ProposalDraft("Tables of codes", "", body.toString(), ""));

        assertThatThrownBy(() -> db.fetch("select search_vector(body, 'C') from proposal_revision where proposal_id = ?", id))
                .hasMessageContaining("too long for tsvector");
        assertThat(found(convenor, w, SearchKind.PROPOSAL)).containsExactly(id);
    }

    // --- bad input ---

    @Test
    void emptyTooLongOrPunctuationOnlySearchesAreRefusedInPlainWords() {
        TestMembers.signIn(labMember);
        assertThatThrownBy(() -> search.search("   ", 20)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageFor("query")).isEqualTo("Type a word or two to search for."));
        assertThatThrownBy(() -> search.search(null, 20)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> search.search("a".repeat(201), 20)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageFor("query")).contains("at most 200 characters", "201"));
        assertThatThrownBy(() -> search.search("!?! -- \"\" ...", 20)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageFor("query")).contains("punctuation"));
        // Odd but harmless input searches without an error.
        assertThat(search.search("a".repeat(200), 20)).isEmpty();
        assertThat(search.search("\u0000 or -- & | ! :* ( " + word(), 20)).isEmpty();
        assertThat(search.search("the", 0)).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void searchingNeedsASignedInMember() {
        TestMembers.signOut();
        assertThatThrownBy(() -> search.search("votes", 20)).isInstanceOf(AccessDeniedException.class);
    }
}
