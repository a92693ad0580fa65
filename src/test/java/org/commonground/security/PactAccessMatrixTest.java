package org.commonground.security;

import static org.commonground.security.Matrix.any;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.commonground.ballot.BallotService;
import org.commonground.ballot.BallotSettings;
import org.commonground.ballot.Choice;
import org.commonground.ballot.rules.DecisionRule;
import org.commonground.group.GroupService;
import org.commonground.pact.PactService;
import org.commonground.pact.PactAmendmentService;
import org.commonground.pact.PactRatificationService;
import org.commonground.pact.PactRatificationService.RatificationPlan;
import org.commonground.pact.Ratification;
import org.commonground.pact.terms.PactTerms;
import org.commonground.pact.terms.SeatTerms;
import org.commonground.pact.terms.Stance;
import org.commonground.party.PartyRepository;
import org.commonground.comment.CommentService;
import org.commonground.comment.NewComment;
import org.commonground.comment.Visibility;
import org.commonground.publishing.Publication;
import org.commonground.publishing.PublishingService;
import org.commonground.search.SearchKind;
import org.commonground.search.SearchService;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * "Pact before PUBLISHED: members of the pact's local groups; convenors of those groups" through every public method
 * of the pact, comment, ballot, publishing and search services that touches a pact, state by state. The pact is
 * over Aldershot: Labour's candidate, the Greens standing down. The member of another party is a Lib Dem, a party
 * the terms do not name: a member of the group, who reads the pact but does not negotiate it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PactAccessMatrixTest {

    @Autowired
    TestMembers testMembers;
    @Autowired
    GroupService groups;
    @Autowired
    PactService pacts;
    @Autowired
    PactAmendmentService pactAmendments;
    @Autowired
    PactRatificationService ratification;
    @Autowired
    org.commonground.pact.PactSeatService seats;
    @Autowired
    CommentService comments;
    @Autowired
    BallotService ballots;
    @Autowired
    PublishingService publishing;
    @Autowired
    org.commonground.publishing.CorrectionService corrections;
    @Autowired
    SearchService search;
    @Autowired
    PartyRepository parties;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    DSLContext db;

    Cast cast;
    Matrix matrix;

    @BeforeAll
    void people() {
        cast = new Cast(testMembers, groups);
        matrix = new Matrix(transactions, db, cast);
    }

    private static PactTerms terms(Stance green, String conditions) {
        Map<String, Stance> stances = new LinkedHashMap<>();
        stances.put("GRN", green);
        return new PactTerms(List.of(new SeatTerms(Cast.ALDERSHOT, "Aldershot", "LAB", stances)), conditions);
    }

    /** A pact and what its states add: the Greens' amendment and caucus comment, Labour's ratification ballot. */
    record Pact(long id, int revision, Long amendment, Long caucusComment, Long labourBallot) {
    }

    private long draft() {
        cast.signIn(Who.CONVENOR);
        long id = pacts.start(cast.group, "Quagga accord", List.of(Cast.ALDERSHOT), null);
        pacts.revise(id, 1, terms(Stance.STANDS_DOWN, "Joint leaflets."), "As agreed in the room");
        return id;
    }

    private Pact negotiating() {
        long id = draft();
        pacts.openNegotiation(id);
        cast.signIn(Who.AUTHOR);
        long amendment = pactAmendments.proposeAmendment(id, terms(Stance.PAPER_CANDIDATE, "Joint leaflets, tapirine pledge."), "A paper candidate");
        long caucus = comments.postOnPact(id, new NewComment(null, null, Visibility.CAUCUS, null, null, null, false, "Wombatish Green thoughts."));
        return new Pact(id, 2, amendment, caucus, null);
    }

    /** Sent to ratification; no party has yet chosen how it ratifies. */
    private Pact choosing() {
        Pact p = negotiating();
        cast.signIn(Who.CONVENOR);
        ratification.startRatification(p.id());
        return p;
    }

    /**
     * Labour's delegate (the convenor) chose a ballot of its members in the group, the Greens' delegate (the author)
     * to sign for them.
     */
    private Pact ratifying() {
        Pact p = choosing();
        ratification.choosePlan(p.id(), "LAB", RatificationPlan.byBallot(new BallotSettings(DecisionRule.SIMPLE_MAJORITY, false, 0, 0, null)));
        cast.signIn(Who.AUTHOR);
        ratification.choosePlan(p.id(), "GRN", RatificationPlan.byRepresentative(cast.id(Who.AUTHOR)));
        Long ballot = pacts.details(p.id()).ratifications().stream().filter(r -> r.party().equals("LAB"))
                .map(Ratification::ballotId).findFirst().orElseThrow();
        return new Pact(p.id(), p.revision(), p.amendment(), p.caucusComment(), ballot);
    }

    private Pact ratified() {
        Pact p = ratifying();
        cast.signIn(Who.AUTHOR);
        ratification.sign(p.id(), "GRN", true, "");
        cast.signIn(Who.CONVENOR);
        ballots.vote(p.labourBallot(), Choice.FOR, "");
        ballots.close(p.labourBallot());
        return p;
    }

    private final Matrix.Calls<Pact> pactCalls = new Matrix.Calls<Pact>()
            .read("details", p -> pacts.details(p.id()))
            .read("activity", p -> pacts.activity(p.id()))
            .read("comments", p -> comments.threadOfPact(p.id()))
            .read("possible representatives", p -> ratification.possibleRepresentatives(p.id(), "GRN"))
            .read("the Greens' confirmed members", p -> ratification.confirmedMembers(p.id(), "GRN"))
            .read("watching?", p -> pacts.watching(p.id()))
            .change("watch", p -> pacts.setWatching(p.id(), true))
            .read("publishing status", p -> publishing.pactStatus(p.id()))
            .read("draft document", p -> publishing.pactDraft(p.id()))
            .read("draft PDF", p -> publishing.pactDraftPdf(p.id()))
            .find("listed in the group", p -> pacts.inGroup(cast.group), (p, found) -> any(found, s -> s.id() == p.id()))
            .find("listed for Aldershot", p -> pacts.covering(Cast.ALDERSHOT), (p, found) -> any(found, s -> s.id() == p.id()))
            .find("on Aldershot's seat page", p -> seats.inSeat(Cast.ALDERSHOT), (p, found) -> any(found, sp -> sp.pact().id() == p.id()))
            .read("contradicting pacts", p -> seats.conflicts(p.id()))
            .find("in the ledger", p -> pacts.ledger(), (p, found) -> any(found, account ->
                    any(account.stoodDown(), e -> e.pactId() == p.id()) || any(account.stoodDownFor(), e -> e.pactId() == p.id())))
            .find("found by search", p -> search.search("quagga", 50),
                    (p, found) -> any(found, r -> r.kind() == SearchKind.PACT && r.id() == p.id()))
            .find("published versions", p -> publishing.versionsOfPact(p.id()), (p, found) -> !found.isEmpty())
            .change("revise the terms", p -> pacts.revise(p.id(), p.revision(), terms(Stance.STANDS_DOWN, "Joint leaflets and a hustings."), ""))
            .change("open negotiation", p -> pacts.openNegotiation(p.id()))
            .change("propose an amendment", p -> pactAmendments.proposeAmendment(p.id(), terms(Stance.STANDS, "Each stands."), "We stand"))
            .change("comment", p -> comments.postOnPact(p.id(), new NewComment(null, null, Visibility.SHARED, null, null, null, false, "Shared.")))
            .change("caucus comment", p -> comments.postOnPact(p.id(), new NewComment(null, null, Visibility.CAUCUS, null, null, null, false, "Ours.")))
            .change("start ratification", p -> ratification.startRatification(p.id()))
            .change("collapse", p -> pacts.collapse(p.id(), "No agreement"))
            .change("publish", p -> publishing.publishPact(p.id()))
            .change("mark published", p -> pacts.markPublished(p.id()));

    @Test
    void aDraftPact() {
        matrix.check("a draft pact", () -> new Pact(draft(), 2, null, null, null), pactCalls, """
                // "Pact before PUBLISHED: members of the pact's local groups", in every state, a draft included.
                details                          | group
                activity                         | group
                comments                         | group
                possible representatives         | group
                the Greens' confirmed members    | group
                watching?                        | group
                watch                            | group
                publishing status                | group
                draft document                   | group
                draft PDF                        | group
                listed in the group              | group
                listed for Aldershot             | group
                on Aldershot's seat page         | group
                contradicting pacts              | group
                in the ledger                    | nobody              // only ratified pacts count
                found by search                  | group
                published versions               | nobody
                revise the terms                 | convenor
                open negotiation                 | convenor
                propose an amendment             | nobody
                // The parties the terms name, and the convenors, discuss a pact; a Lib Dem here only reads this one.
                comment                          | member author convenor
                caucus comment                   | member author convenor
                start ratification               | nobody
                collapse                         | convenor
                publish                          | nobody
                mark published                   | nobody
                """);
    }

    @Test
    void aPactInNegotiation() {
        matrix.check("a pact in negotiation", this::negotiating, pactCalls, """
                details                          | group
                activity                         | group
                comments                         | group
                possible representatives         | group
                the Greens' confirmed members    | group
                watching?                        | group
                watch                            | group
                publishing status                | group
                draft document                   | group
                draft PDF                        | group
                listed in the group              | group
                listed for Aldershot             | group
                on Aldershot's seat page         | group
                contradicting pacts              | group
                in the ledger                    | nobody
                found by search                  | group
                published versions               | nobody
                revise the terms                 | convenor
                open negotiation                 | nobody
                propose an amendment             | member author convenor
                comment                          | member author convenor
                caucus comment                   | member author convenor
                start ratification               | convenor
                collapse                         | convenor
                publish                          | nobody
                mark published                   | nobody
                """);
    }

    @Test
    void aPactBeingRatified() {
        matrix.check("a pact being ratified", this::ratifying, pactCalls, """
                details                          | group
                activity                         | group
                comments                         | group
                possible representatives         | group
                the Greens' confirmed members    | group
                watching?                        | group
                watch                            | group
                publishing status                | group
                draft document                   | group
                draft PDF                        | group
                listed in the group              | group
                listed for Aldershot             | group
                on Aldershot's seat page         | group
                contradicting pacts              | group
                in the ledger                    | nobody
                found by search                  | group
                published versions               | nobody
                revise the terms                 | nobody
                open negotiation                 | nobody
                propose an amendment             | nobody
                comment                          | member author convenor
                caucus comment                   | member author convenor
                start ratification               | nobody
                collapse                         | convenor
                publish                          | nobody
                mark published                   | nobody
                """);
    }

    @Test
    void aRatifiedPact() {
        matrix.check("a ratified pact", this::ratified, pactCalls, """
                details                          | group
                activity                         | group
                comments                         | group
                possible representatives         | group
                the Greens' confirmed members    | group
                watching?                        | group
                watch                            | group
                publishing status                | group
                draft document                   | group
                draft PDF                        | group
                listed in the group              | group
                listed for Aldershot             | group
                on Aldershot's seat page         | group
                contradicting pacts              | group
                in the ledger                    | group
                found by search                  | group
                // Ratified is not public: "nothing is public until every party has ratified and a convenor publishes".
                published versions               | nobody
                revise the terms                 | nobody
                open negotiation                 | nobody
                propose an amendment             | nobody
                comment                          | nobody
                caucus comment                   | nobody
                start ratification               | nobody
                collapse                         | convenor
                publish                          | convenor
                mark published                   | convenor
                """);
    }

    @Test
    void aPublishedPact() {
        matrix.check("a published pact", () -> {
            Pact p = ratified();
            publishing.publishPact(p.id());
            return p;
        }, pactCalls, """
                // The published document is public; the workspace behind it stays the group's.
                details                          | group
                activity                         | group
                comments                         | group
                possible representatives         | group
                the Greens' confirmed members    | group
                watching?                        | group
                watch                            | group
                publishing status                | group
                draft document                   | group
                draft PDF                        | group
                listed in the group              | group
                listed for Aldershot             | group
                on Aldershot's seat page         | group
                contradicting pacts              | group
                in the ledger                    | group
                found by search                  | group
                published versions               | anyone
                revise the terms                 | nobody
                open negotiation                 | nobody
                propose an amendment             | nobody
                comment                          | nobody
                caucus comment                   | nobody
                start ratification               | nobody
                collapse                         | nobody
                publish                          | nobody
                mark published                   | nobody
                """);
    }

    @Test
    void thePublishedPactDocument() {
        matrix.check("the published pact document", () -> {
            Pact p = ratified();
            return publishing.publishPact(p.id());
        }, new Matrix.Calls<Publication>()
                .find("listed as published", d -> publishing.newest(500), (d, found) -> any(found, p -> p.id() == d.id()))
                .find("read at its address", d -> publishing.published(d.slug()).map(publishing::content), (d, found) -> found.isPresent())
                .find("its PDF", d -> publishing.published(d.slug()).map(publishing::pdf), (d, found) -> found.isPresent())
                .change("correct it", d -> corrections.correct(d.slug(), "Joint leaflets, corrected.", "A typo"))
                .change("start a correction round directly", d -> ratification.startCorrectionRound(d.pactId(), -1, "Joint leaflets.", "A typo")), """
                listed as published              | anyone              // for all its parties at once
                read at its address              | anyone
                its PDF                          | anyone
                // Proposing it is the convenor's; agreeing it is every party's again, each as its delegates choose.
                correct it                       | convenor
                start a correction round directly | nobody             // only for a correction that awaits consent
                """);
    }

    @Test
    void aCollapsedPact() {
        matrix.check("a collapsed pact", () -> {
            Pact p = negotiating();
            cast.signIn(Who.CONVENOR);
            pacts.collapse(p.id(), "Talks ended");
            return p;
        }, pactCalls, """
                details                          | group
                activity                         | group
                comments                         | group
                possible representatives         | group
                the Greens' confirmed members    | group
                watching?                        | group
                watch                            | group
                publishing status                | group
                draft document                   | group
                draft PDF                        | group
                listed in the group              | group
                listed for Aldershot             | group
                on Aldershot's seat page         | group
                contradicting pacts              | group
                in the ledger                    | nobody
                found by search                  | group
                published versions               | nobody
                revise the terms                 | nobody
                open negotiation                 | nobody
                propose an amendment             | nobody
                comment                          | nobody
                caucus comment                   | nobody
                start ratification               | nobody
                collapse                         | nobody
                publish                          | nobody
                mark published                   | nobody
                """);
    }

    // ---- the Greens' amendment and caucus comment

    private final Matrix.Calls<Pact> amendmentCalls = new Matrix.Calls<Pact>()
            .find("find the amendment by search", p -> search.search("tapirine", 50),
                    (p, found) -> any(found, r -> r.kind() == SearchKind.PACT_AMENDMENT && r.id() == p.amendment()))
            .change("comment on the amendment", p -> comments.postOnPact(p.id(),
                    new NewComment(p.amendment(), null, Visibility.SHARED, null, null, null, false, "On the amendment.")))
            .change("accept it", p -> pactAmendments.acceptAmendment(p.amendment()))
            .change("reject it", p -> pactAmendments.rejectAmendment(p.amendment(), "No."))
            .change("withdraw it", p -> pactAmendments.withdrawAmendment(p.amendment()))
            .find("see the caucus comment", p -> comments.threadOfPact(p.id()), (p, found) -> any(found, c -> c.id() == p.caucusComment()))
            .find("find the caucus comment", p -> search.search("wombatish", 50),
                    (p, found) -> any(found, r -> r.kind() == SearchKind.COMMENT && r.id() == p.caucusComment()))
            .change("reply to the caucus comment", p -> comments.postOnPact(p.id(),
                    new NewComment(null, p.caucusComment(), Visibility.SHARED, null, null, null, false, "Agreed.")))
            .change("edit the caucus comment", p -> comments.edit(p.caucusComment(), "Reworded."))
            .change("delete the caucus comment", p -> comments.delete(p.caucusComment()));

    @Test
    void anAmendmentInNegotiation() {
        matrix.check("a pact amendment in negotiation", this::negotiating, amendmentCalls, """
                find the amendment by search     | group
                comment on the amendment         | member author convenor
                accept it                        | convenor
                reject it                        | convenor
                withdraw it                      | author              // its proposer
                // CAUCUS: the author's party in the group (the Greens), not the Labour convenor nor the Lib Dem.
                see the caucus comment           | member author
                find the caucus comment          | member author
                reply to the caucus comment      | member author
                edit the caucus comment          | author
                delete the caucus comment        | author
                """);
    }

    @Test
    void anAmendmentOnceRatified() {
        matrix.check("a pact amendment once ratified", this::ratified, amendmentCalls, """
                find the amendment by search     | group
                comment on the amendment         | nobody
                accept it                        | nobody
                reject it                        | nobody
                withdraw it                      | nobody              // ratification closed it
                see the caucus comment           | member author
                find the caucus comment          | member author
                reply to the caucus comment      | nobody
                edit the caucus comment          | nobody
                delete the caucus comment        | author
                """);
    }

    // ---- ratification: the Greens by their representative (the author), Labour by a ballot of its members

    private final Matrix.Calls<Pact> ratificationCalls = new Matrix.Calls<Pact>()
            .change("sign for the Greens", p -> ratification.sign(p.id(), "GRN", true, ""))
            .change("reject for the Greens", p -> ratification.sign(p.id(), "GRN", false, "Not enough"))
            .change("sign for Labour", p -> ratification.sign(p.id(), "LAB", true, ""))
            .change("sign for the Lib Dems", p -> ratification.sign(p.id(), "LD", true, ""))
            .read("see Labour's ballot", p -> ballots.details(p.labourBallot()))
            .change("vote in Labour's ballot", p -> ballots.vote(p.labourBallot(), Choice.FOR, ""))
            .change("close Labour's ballot", p -> ballots.close(p.labourBallot()))
            .change("open a second ballot for Labour", p -> ballots.openRatification(p.id(),
                    parties.findByCode("LAB").orElseThrow().id(), p.revision(), new BallotSettings(DecisionRule.SIMPLE_MAJORITY, true, 0, 0, null)))
            // Cancelling acts only on the ballots of a pact that has left ratification: here it does nothing.
            .quiet("cancel Labour's ballot", p -> ballots.cancelRatification(p.labourBallot(), "Because."));

    @Test
    void ratification() {
        matrix.check("ratification", this::ratifying, ratificationCalls, """
                sign for the Greens              | author              // the Greens' named representative
                reject for the Greens            | author
                sign for Labour                  | nobody              // Labour ratifies by ballot
                sign for the Lib Dems            | nobody              // not a party to this pact
                see Labour's ballot              | group
                vote in Labour's ballot          | convenor            // the electorate: Labour's members in the group
                close Labour's ballot            | convenor            // Labour's delegate
                open a second ballot for Labour  | nobody
                cancel Labour's ballot           | nobody
                """);
    }

    private final Matrix.Calls<Pact> planCalls = new Matrix.Calls<Pact>()
            .change("choose how the Greens ratify", p -> ratification.choosePlan(p.id(), "GRN", RatificationPlan.byRepresentative(cast.id(Who.AUTHOR))))
            .change("choose how Labour ratifies", p -> ratification.choosePlan(p.id(), "LAB", RatificationPlan.byBallot(null)))
            .change("choose how the Lib Dems ratify", p -> ratification.choosePlan(p.id(), "LD", RatificationPlan.byBallot(null)))
            .read("the Greens' possible signers", p -> ratification.possibleRepresentatives(p.id(), "GRN"));

    @Test
    void choosingHowEachPartyRatifies() {
        matrix.check("choosing how each party ratifies", this::choosing, planCalls, """
                // Each party's delegates in the group, and nobody else: not the convenor for another party.
                choose how the Greens ratify     | author              // the Greens' delegate
                choose how Labour ratifies       | convenor            // Labour's delegate
                choose how the Lib Dems ratify   | nobody              // not a party to this pact
                the Greens' possible signers     | group
                """);
    }

    @Test
    void choosingOnceChosen() {
        matrix.check("choosing once chosen", this::ratifying, planCalls, """
                choose how the Greens ratify     | nobody
                choose how Labour ratifies       | nobody
                choose how the Lib Dems ratify   | nobody
                the Greens' possible signers     | group
                """);
    }

    @Test
    void ratificationDone() {
        matrix.check("ratification done", this::ratified, ratificationCalls, """
                sign for the Greens              | nobody
                reject for the Greens            | nobody
                sign for Labour                  | nobody
                sign for the Lib Dems            | nobody
                see Labour's ballot              | group
                vote in Labour's ballot          | nobody
                close Labour's ballot            | nobody
                open a second ballot for Labour  | nobody
                cancel Labour's ballot           | nobody
                """);
    }
}
