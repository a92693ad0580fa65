package org.commonground.security;

import static org.commonground.security.Matrix.any;

import org.commonground.ballot.BallotService;
import org.commonground.ballot.BallotSettings;
import org.commonground.ballot.Choice;
import org.commonground.ballot.VotingListService;
import org.commonground.ballot.rules.DecisionRule;
import org.commonground.notification.PendingNotices;
import org.commonground.group.GroupService;
import org.commonground.notification.NotificationService;
import org.commonground.proposal.AmendmentMerging;
import org.commonground.proposal.AmendmentService;
import org.commonground.proposal.CompromiseService;
import org.commonground.comment.CommentService;
import org.commonground.comment.NewComment;
import org.commonground.proposal.ProposalDraft;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.comment.Visibility;
import org.commonground.publishing.PublishingService;
import org.commonground.search.SearchKind;
import org.commonground.search.SearchService;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import java.util.List;
import java.util.Set;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * DESIGN.md's "Who may see what" for proposals, through every public method of the proposal, comment, amendment,
 * ballot, publishing, search and notification services that touches one: each table is one state of a proposal,
 * each line a call and the roles it is granted to (see {@link Matrix} and {@link Who}).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProposalAccessMatrixTest {

    static final String BODY = "Quixotic rivers run clean through every town.\n\nA second paragraph about weirs.\n";
    static final BallotSettings OPEN_BALLOT = new BallotSettings(DecisionRule.SIMPLE_MAJORITY, false, 0, 0, null);

    @Autowired
    TestMembers testMembers;
    @Autowired
    GroupService groups;
    @Autowired
    ProposalService proposals;
    @Autowired
    CommentService comments;
    @Autowired
    AmendmentService amendments;
    @Autowired
    AmendmentMerging merging;
    @Autowired
    CompromiseService compromises;
    @Autowired
    VotingListService votingLists;
    @Autowired
    org.commonground.proposal.TrackedChangesService trackedChanges;
    @Autowired
    BallotService ballots;
    @Autowired
    PublishingService publishing;
    @Autowired
    org.commonground.publishing.AmendmentBookletService booklets;
    @Autowired
    org.commonground.publishing.CorrectionService corrections;
    @Autowired
    SearchService search;
    @Autowired
    NotificationService notifications;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    DSLContext db;
    @Autowired
    ApplicationContext context;

    Cast cast;
    Matrix matrix;

    @BeforeAll
    void people() {
        cast = new Cast(testMembers, groups);
        matrix = new Matrix(transactions, db, cast);
    }

    // ---- the proposal itself

    /** A proposal of the group, by the author, co-authored by the member who has since left. */
    record Proposal(long id, int revision) {
    }

    private final Matrix.Calls<Proposal> proposalCalls = new Matrix.Calls<Proposal>()
            .read("details", p -> proposals.details(p.id()))
            .read("glance", p -> proposals.glance(p.id()))
            .read("history", p -> proposals.history(p.id()))
            .read("diff", p -> proposals.diff(p.id(), 1, p.revision()))
            .read("revision", p -> proposals.revision(p.id(), p.revision()))
            .read("activity", p -> proposals.activity(p.id()))
            .read("comments", p -> comments.thread(p.id()))
            .read("amendments", p -> amendments.list(p.id()))
            .read("compromise offers", p -> compromises.offers(p.id()))
            .read("start a compromise", p -> compromises.startingText(p.id(), Set.of()))
            .read("voting list", p -> votingLists.votingList(p.id()))
            .read("preview an edit", p -> amendments.previewEdit(p.id(), p.revision(), BODY.replaceFirst("\\w+", "Amended")))
            .read("tracked changes", p -> trackedChanges.trackedChanges(p.id()))
            .read("preview with amendments", p -> trackedChanges.previewWith(p.id(), java.util.Set.of()))
            .read("ballots", p -> ballots.ballotsOf(p.id()))
            .read("electorate now", p -> ballots.electorateNow(p.id()))
            .read("watching?", p -> proposals.watching(p.id()))
            .change("watch", p -> proposals.setWatching(p.id(), true))
            .read("publishing status", p -> publishing.proposalStatus(p.id()))
            .read("draft document", p -> publishing.proposalDraft(p.id()))
            .read("draft PDF", p -> publishing.proposalDraftPdf(p.id()))
            .read("amendment booklet PDF", p -> booklets.pdf(p.id()))
            .find("found by search", p -> search.search("quixotic", 50),
                    (p, found) -> any(found, r -> r.kind() == SearchKind.PROPOSAL && r.id() == p.id()))
            .find("listed in the group", p -> proposals.inGroup(cast.group), (p, found) -> any(found, s -> s.id() == p.id()))
            .find("published versions", p -> publishing.versionsOfProposal(p.id()), (p, found) -> !found.isEmpty())
            .change("save a revision", p -> proposals.save(p.id(), p.revision(), new ProposalDraft("Clean rivers", "", BODY + "More.\n", "")))
            .change("add a co-author", p -> proposals.addCoAuthor(p.id(), cast.id(Who.OTHER_PARTY)))
            .change("open discussion", p -> proposals.move(p.id(), ProposalState.DISCUSSION))
            .change("move to voting", p -> proposals.move(p.id(), ProposalState.VOTING))
            .change("withdraw", p -> proposals.move(p.id(), ProposalState.WITHDRAWN))
            .change("comment", p -> comments.post(p.id(), NewComment.onProposal(Visibility.SHARED, "A thought.")))
            .change("caucus comment", p -> comments.post(p.id(), NewComment.onProposal(Visibility.CAUCUS, "Between us.")))
            .change("propose an amendment", p -> amendments.propose(p.id(), p.revision(), 1, 1, "Rivers run cleaner.", "Plainer"))
            .change("propose by editing", p -> amendments.proposeByEdit(p.id(), p.revision(), proposals.revision(p.id(), p.revision()).body()
                    .replaceFirst("\\w+", "Amended"), "Plainer"))
            .change("propose a deletion", p -> amendments.proposeDeletion(p.id(), p.revision(), 2, 2, "Weirs are another proposal"))
            .change("open a ballot on the final text", p -> ballots.open(p.id(), null, OPEN_BALLOT))
            .change("publish", p -> publishing.publishProposal(p.id()))
            .change("mark published", p -> proposals.markPublished(p.id()));

    private long draft() {
        cast.signIn(Who.AUTHOR);
        long id = proposals.create(cast.group, new ProposalDraft("Clean rivers", "Sewage out", BODY, ""));
        cast.coAuthorWhoLeft(proposals, id);
        return id;
    }

    private long discussed() {
        long id = draft();
        cast.signIn(Who.CONVENOR);
        proposals.move(id, ProposalState.DISCUSSION);
        return id;
    }

    /** In voting, with the ballot on the final text open; returns the ballot. */
    private long ballotOnFinalText(long proposal) {
        cast.signIn(Who.CONVENOR);
        proposals.move(proposal, ProposalState.VOTING);
        return ballots.open(proposal, null, OPEN_BALLOT);
    }

    private void decide(long ballot, Choice choice) {
        for (Who who : Who.GROUP) {
            if (who == Who.CLAIMED) {
                continue; // not in the electorate: the Greens have not confirmed them
            }
            cast.signIn(who);
            ballots.vote(ballot, choice, "");
        }
        cast.signIn(Who.CONVENOR);
        ballots.close(ballot);
    }

    private long agreed() {
        long id = discussed();
        decide(ballotOnFinalText(id), Choice.FOR);
        return id;
    }

    @Test
    void aDraft() {
        matrix.check("a draft", () -> new Proposal(draft(), 1), proposalCalls, """
                details                          | author convenor
                glance                           | author convenor
                history                          | author convenor
                diff                             | author convenor
                revision                         | author convenor
                activity                         | author convenor
                comments                         | author convenor
                amendments                       | author convenor
                compromise offers                | author convenor
                start a compromise               | author convenor
                voting list                      | author convenor
                preview an edit                  | author convenor
                tracked changes                  | author convenor
                preview with amendments          | author convenor
                ballots                          | author convenor
                electorate now                   | author convenor
                watching?                        | author convenor
                watch                            | author convenor
                publishing status                | author convenor
                draft document                   | author convenor
                draft PDF                        | author convenor
                amendment booklet PDF            | author convenor
                found by search                  | author convenor
                listed in the group              | author convenor
                published versions               | nobody
                save a revision                  | author
                add a co-author                  | author
                open discussion                  | convenor
                move to voting                   | nobody
                // The table gives state changes to the convenor only: an author does not withdraw even their own draft.
                withdraw                         | convenor
                // The convenor "reads" a draft; commenting is the authors' "write".
                comment                          | author
                caucus comment                   | author
                propose an amendment             | nobody
                propose by editing               | nobody
                propose a deletion               | nobody
                open a ballot on the final text  | nobody
                publish                          | nobody
                mark published                   | nobody
                """);
    }

    @Test
    void inDiscussion() {
        matrix.check("in discussion", () -> new Proposal(discussed(), 1), proposalCalls, """
                details                          | group
                glance                           | group
                history                          | group
                diff                             | group
                revision                         | group
                activity                         | group
                comments                         | group
                amendments                       | group
                compromise offers                | group
                start a compromise               | group
                voting list                      | group
                preview an edit                  | group
                tracked changes                  | group
                preview with amendments          | group
                ballots                          | group
                electorate now                   | group
                watching?                        | group
                watch                            | group
                publishing status                | group
                draft document                   | group
                draft PDF                        | group
                amendment booklet PDF            | group
                found by search                  | group
                listed in the group              | group
                published versions               | nobody
                save a revision                  | author
                add a co-author                  | author
                open discussion                  | nobody
                move to voting                   | convenor
                withdraw                         | convenor
                comment                          | group
                caucus comment                   | other-party member author convenor // a party's own discussion is for those it confirmed
                propose an amendment             | group
                propose by editing               | group
                propose a deletion               | group
                open a ballot on the final text  | nobody
                publish                          | nobody
                mark published                   | nobody
                """);
    }

    @Test
    void inVoting() {
        matrix.check("in voting", () -> {
            long id = discussed();
            ballotOnFinalText(id);
            return new Proposal(id, 1);
        }, proposalCalls, """
                details                          | group
                glance                           | group
                history                          | group
                diff                             | group
                revision                         | group
                activity                         | group
                comments                         | group
                amendments                       | group
                compromise offers                | group
                start a compromise               | group
                voting list                      | group
                preview an edit                  | group
                tracked changes                  | group
                preview with amendments          | group
                ballots                          | group
                electorate now                   | group
                watching?                        | group
                watch                            | group
                publishing status                | group
                draft document                   | group
                draft PDF                        | group
                amendment booklet PDF            | group
                found by search                  | group
                listed in the group              | group
                published versions               | nobody
                save a revision                  | nobody
                add a co-author                  | nobody
                open discussion                  | nobody
                move to voting                   | nobody
                withdraw                         | convenor
                comment                          | group
                caucus comment                   | other-party member author convenor // a party's own discussion is for those it confirmed
                // "amend" in the table's DISCUSSION / VOTING row is for discussion: the group votes on a fixed text.
                propose an amendment             | nobody
                propose by editing               | nobody
                propose a deletion               | nobody
                open a ballot on the final text  | nobody   // one is open already
                publish                          | nobody
                mark published                   | nobody
                """);
    }

    @Test
    void agreedByItsBallot() {
        matrix.check("agreed", () -> new Proposal(agreed(), 1), proposalCalls, """
                details                          | group
                glance                           | group
                history                          | group
                diff                             | group
                revision                         | group
                activity                         | group
                comments                         | group
                amendments                       | group
                compromise offers                | group
                start a compromise               | group
                voting list                      | group
                preview an edit                  | group
                tracked changes                  | group
                preview with amendments          | group
                ballots                          | group
                electorate now                   | group
                watching?                        | group
                watch                            | group
                publishing status                | group
                draft document                   | group
                draft PDF                        | group
                amendment booklet PDF            | group
                found by search                  | group
                listed in the group              | group
                published versions               | nobody
                save a revision                  | nobody
                add a co-author                  | nobody
                open discussion                  | nobody
                move to voting                   | nobody
                withdraw                         | convenor
                comment                          | nobody
                caucus comment                   | nobody
                propose an amendment             | nobody
                propose by editing               | nobody
                propose a deletion               | nobody
                open a ballot on the final text  | nobody
                publish                          | convenor
                mark published                   | convenor
                """);
    }

    @Test
    void notAgreed() {
        matrix.check("not agreed", () -> {
            long id = discussed();
            decide(ballotOnFinalText(id), Choice.AGAINST);
            return new Proposal(id, 1);
        }, proposalCalls, """
                details                          | group
                glance                           | group
                history                          | group
                diff                             | group
                revision                         | group
                activity                         | group
                comments                         | group
                amendments                       | group
                compromise offers                | group
                start a compromise               | group
                voting list                      | group
                preview an edit                  | group
                tracked changes                  | group
                preview with amendments          | group
                ballots                          | group
                electorate now                   | group
                watching?                        | group
                watch                            | group
                publishing status                | group
                draft document                   | group
                draft PDF                        | group
                amendment booklet PDF            | group
                found by search                  | group
                listed in the group              | group
                published versions               | nobody
                save a revision                  | nobody
                add a co-author                  | nobody
                open discussion                  | convenor // returned to discussion for a redraft (DESIGN.md)
                move to voting                   | nobody
                withdraw                         | convenor
                comment                          | nobody
                caucus comment                   | nobody
                propose an amendment             | nobody
                propose by editing               | nobody
                propose a deletion               | nobody
                open a ballot on the final text  | nobody
                publish                          | nobody
                mark published                   | nobody
                """);
    }

    @Test
    void published() {
        matrix.check("published", () -> {
            long id = agreed();
            publishing.publishProposal(id);
            return new Proposal(id, 1);
        }, proposalCalls, """
                // The published document is public (PublicAccessWebTest); the workspace behind it stays the group's.
                details                          | group
                glance                           | group
                history                          | group
                diff                             | group
                revision                         | group
                activity                         | group
                comments                         | group
                amendments                       | group
                compromise offers                | group
                start a compromise               | group
                voting list                      | group
                preview an edit                  | group
                tracked changes                  | group
                preview with amendments          | group
                ballots                          | group
                electorate now                   | group
                watching?                        | group
                watch                            | group
                publishing status                | group
                draft document                   | group
                draft PDF                        | group
                amendment booklet PDF            | group
                found by search                  | group
                listed in the group              | group
                published versions               | anyone
                save a revision                  | nobody
                add a co-author                  | nobody
                open discussion                  | nobody
                move to voting                   | nobody
                withdraw                         | nobody
                comment                          | nobody
                caucus comment                   | nobody
                propose an amendment             | nobody
                propose by editing               | nobody
                propose a deletion               | nobody
                open a ballot on the final text  | nobody
                publish                          | nobody
                mark published                   | nobody
                """);
    }

    @Test
    void withdrawnAsADraft() {
        matrix.check("withdrawn before the group saw it", () -> {
            long id = draft();
            cast.signIn(Who.CONVENOR);
            proposals.move(id, ProposalState.WITHDRAWN);
            return new Proposal(id, 1);
        }, proposalCalls, """
                details                          | author convenor
                glance                           | author convenor
                history                          | author convenor
                diff                             | author convenor
                revision                         | author convenor
                activity                         | author convenor
                comments                         | author convenor
                amendments                       | author convenor
                compromise offers                | author convenor
                start a compromise               | author convenor
                voting list                      | author convenor
                preview an edit                  | author convenor
                tracked changes                  | author convenor
                preview with amendments          | author convenor
                ballots                          | author convenor
                electorate now                   | author convenor
                watching?                        | author convenor
                watch                            | author convenor
                publishing status                | author convenor
                draft document                   | author convenor
                draft PDF                        | author convenor
                amendment booklet PDF            | author convenor
                found by search                  | author convenor
                listed in the group              | author convenor
                published versions               | nobody
                save a revision                  | nobody
                add a co-author                  | nobody
                open discussion                  | nobody
                move to voting                   | nobody
                withdraw                         | nobody
                comment                          | nobody
                caucus comment                   | nobody
                propose an amendment             | nobody
                propose by editing               | nobody
                propose a deletion               | nobody
                open a ballot on the final text  | nobody
                publish                          | nobody
                mark published                   | nobody
                """);
    }

    @Test
    void withdrawnAfterDiscussion() {
        matrix.check("withdrawn after discussion", () -> {
            long id = discussed();
            proposals.move(id, ProposalState.WITHDRAWN);
            return new Proposal(id, 1);
        }, proposalCalls, """
                details                          | group
                glance                           | group
                history                          | group
                diff                             | group
                revision                         | group
                activity                         | group
                comments                         | group
                amendments                       | group
                compromise offers                | group
                start a compromise               | group
                voting list                      | group
                preview an edit                  | group
                tracked changes                  | group
                preview with amendments          | group
                ballots                          | group
                electorate now                   | group
                watching?                        | group
                watch                            | group
                publishing status                | group
                draft document                   | group
                draft PDF                        | group
                amendment booklet PDF            | group
                found by search                  | group
                listed in the group              | group
                published versions               | nobody
                save a revision                  | nobody
                add a co-author                  | nobody
                open discussion                  | nobody
                move to voting                   | nobody
                withdraw                         | nobody
                comment                          | nobody
                caucus comment                   | nobody
                propose an amendment             | nobody
                propose by editing               | nobody
                propose a deletion               | nobody
                open a ballot on the final text  | nobody
                publish                          | nobody
                mark published                   | nobody
                """);
    }

    // ---- the published document: an agreed proposal's, before and after it is published

    /** The document's address, and a fingerprint: the published one, or before publication the draft PDF's. */
    record Doc(long proposal, String slug, String fingerprint) {
    }

    private final Matrix.Calls<Doc> publicationCalls = new Matrix.Calls<Doc>()
            .find("listed as published", d -> publishing.newest(500), (d, found) -> any(found, p -> Long.valueOf(d.proposal()).equals(p.proposalId())))
            .find("in the index of fingerprints", d -> publishing.everyPublished(), (d, found) -> any(found, p -> d.fingerprint().equals(p.fingerprint())))
            .find("read at its address", d -> publishing.published(d.slug()).map(publishing::content), (d, found) -> found.isPresent())
            .find("its PDF", d -> publishing.published(d.slug()).map(publishing::pdf), (d, found) -> found.isPresent())
            .find("its fingerprint verifies", d -> publishing.verifyFingerprint(d.fingerprint()),
                    (d, verification) -> verification.verdict() == PublishingService.Verdict.MATCH)
            .change("correct it", d -> corrections.correct(d.slug(), BODY + "Corrected.\n", "A typo"))
            .change("open a ballot on a correction directly", d -> ballots.openOnCorrection(d.proposal(), -1,
                    new BallotSettings(DecisionRule.SIMPLE_MAJORITY, false, 0, 0, null)));

    @Test
    void anAgreedTextNotYetPublished() {
        matrix.check("an agreed text not yet published", () -> {
            long id = agreed();
            return new Doc(id, "clean-rivers-" + cast.tag, publishing.proposalDraftPdf(id).fingerprint());
        }, publicationCalls, """
                // Nothing is public before a convenor publishes: not in the list, not at an address, not by fingerprint.
                listed as published              | nobody
                in the index of fingerprints     | nobody
                read at its address              | nobody
                its PDF                          | nobody
                its fingerprint verifies         | nobody              // a draft PDF's fingerprint is no published one
                correct it                       | nobody
                open a ballot on a correction directly | nobody
                """);
    }

    @Test
    void aPublishedDocument() {
        matrix.check("a published document", () -> {
            long id = agreed();
            var published = publishing.publishProposal(id);
            return new Doc(id, published.slug(), published.fingerprint());
        }, publicationCalls, """
                listed as published              | anyone
                in the index of fingerprints     | anyone
                read at its address              | anyone
                its PDF                          | anyone
                its fingerprint verifies         | anyone
                // "Read, cannot alter": a convenor's correction is a new version beside it, which names what it corrects.
                correct it                       | convenor            // the group then agrees it again, by ballot
                open a ballot on a correction directly | nobody        // only on a correction that awaits consent
                """);
    }

    // ---- comments: a caucus comment of the author's (Greens'), a shared one of the Lib Dem's, each @mentioning everyone

    record Discussion(long proposal, long caucus, long shared) {
    }

    private Discussion discussion(long proposal) {
        cast.signIn(Who.AUTHOR);
        // On the first paragraph, so that it counts in the margin beside it.
        long caucus = comments.post(proposal, new NewComment(null, null, Visibility.CAUCUS, null, 1, null, false,
                "Xylophonic whisper for Greens. " + cast.mentionEveryone()));
        cast.signIn(Who.OTHER_PARTY);
        long shared = comments.post(proposal, NewComment.onProposal(Visibility.SHARED, "Marimbaic view for all. " + cast.mentionEveryone()));
        PendingNotices.fanOutInThisTransaction(context);
        return new Discussion(proposal, caucus, shared);
    }

    private static NewComment replyTo(long parent) {
        return new NewComment(null, parent, Visibility.SHARED, null, null, null, false, "A reply.");
    }

    private boolean mentionedBy(Who writer, long proposal) {
        return any(notifications.mine(100), n -> n.kind().equals("MENTION") && n.link().equals("proposals/" + proposal)
                && n.text().startsWith(cast.name(writer)));
    }

    private final Matrix.Calls<Discussion> commentCalls = new Matrix.Calls<Discussion>()
            .find("sees the caucus comment", d -> comments.thread(d.proposal()), (d, found) -> any(found, c -> c.id() == d.caucus()))
            .find("sees the shared comment", d -> comments.thread(d.proposal()), (d, found) -> any(found, c -> c.id() == d.shared()))
            .find("reads the caucus comment alone", d -> comments.comment(d.proposal(), d.caucus()), (d, found) -> found.isPresent())
            .find("reads the shared comment alone", d -> comments.comment(d.proposal(), d.shared()), (d, found) -> found.isPresent())
            .find("finds the caucus comment", d -> search.search("xylophonic", 50),
                    (d, found) -> any(found, r -> r.kind() == SearchKind.COMMENT && r.id() == d.caucus()))
            .find("finds the shared comment", d -> search.search("marimbaic", 50),
                    (d, found) -> any(found, r -> r.kind() == SearchKind.COMMENT && r.id() == d.shared()))
            .find("notified of the caucus mention", d -> d, (d, x) -> mentionedBy(Who.AUTHOR, d.proposal()))
            .find("notified of the shared mention", d -> d, (d, x) -> mentionedBy(Who.OTHER_PARTY, d.proposal()))
            .change("reply to the caucus comment", d -> comments.post(d.proposal(), replyTo(d.caucus())))
            .change("reply to the shared comment", d -> comments.post(d.proposal(), replyTo(d.shared())))
            .change("edit the caucus comment", d -> comments.edit(d.caucus(), "Reworded."))
            .change("delete the caucus comment", d -> comments.delete(d.caucus()))
            .change("edit the shared comment", d -> comments.edit(d.shared(), "Reworded."));

    @Test
    void commentsInDiscussion() {
        matrix.check("comments in discussion", () -> discussion(discussed()), commentCalls, """
                // CAUCUS: only the author's party in the group; the convenor is Labour, the one who left no longer in it.
                sees the caucus comment          | member author
                sees the shared comment          | group
                reads the caucus comment alone   | member author
                reads the shared comment alone   | group
                finds the caucus comment         | member author
                finds the shared comment         | group
                notified of the caucus mention   | member              // the author mentioned themselves, too
                notified of the shared mention   | member author convenor claimed
                reply to the caucus comment      | member author
                reply to the shared comment      | group
                edit the caucus comment          | author
                delete the caucus comment        | author
                edit the shared comment          | other-party
                """);
    }

    @Test
    void commentsOnceTheVoteHasDecided() {
        matrix.check("comments once agreed", () -> {
            long id = discussed();
            Discussion d = discussion(id);
            decide(ballotOnFinalText(id), Choice.FOR);
            return d;
        }, commentCalls, """
                sees the caucus comment          | member author
                sees the shared comment          | group
                reads the caucus comment alone   | member author
                reads the shared comment alone   | group
                finds the caucus comment         | member author
                finds the shared comment         | group
                notified of the caucus mention   | member
                notified of the shared mention   | member author convenor claimed
                reply to the caucus comment      | nobody
                reply to the shared comment      | nobody
                // What was said in a decided discussion stays as it was said; taking one's own comment back stays possible.
                edit the caucus comment          | nobody
                delete the caucus comment        | author
                edit the shared comment          | nobody
                """);
    }

    record DraftNote(long proposal, long comment) {
    }

    @Test
    void aCommentOnADraft() {
        matrix.check("a comment on a draft", () -> {
            long id = draft();
            cast.signIn(Who.AUTHOR);
            long note = comments.post(id, NewComment.onProposal(Visibility.SHARED, "Ocarinaic note. " + cast.mentionEveryone()));
            PendingNotices.fanOutInThisTransaction(context);
            return new DraftNote(id, note);
        }, new Matrix.Calls<DraftNote>()
                .find("sees it", d -> comments.thread(d.proposal()), (d, found) -> any(found, c -> c.id() == d.comment()))
                .find("finds it", d -> search.search("ocarinaic", 50), (d, found) -> any(found, r -> r.id() == d.comment()))
                .find("notified of its mention", d -> d, (d, x) -> mentionedBy(Who.AUTHOR, d.proposal()))
                .change("reply", d -> comments.post(d.proposal(), replyTo(d.comment())))
                .change("edit it", d -> comments.edit(d.comment(), "Reworded."))
                .change("delete it", d -> comments.delete(d.comment())), """
                sees it                          | author convenor
                finds it                         | author convenor
                notified of its mention          | convenor
                reply                            | author
                edit it                          | author
                delete it                        | author
                """);
    }

    // ---- amendments and their ballots: A1 proposed by the member, A2 put to the vote

    record Amendments(long proposal, long a1, long a2, long ballot, long compromise) {
    }

    private Amendments amendmentsInDiscussion() {
        long id = discussed();
        cast.signIn(Who.MEMBER);
        long a1 = amendments.propose(id, 1, 1, 1, "Pelicanesque rivers run clean.", "Birds").id();
        long a2 = amendments.propose(id, 1, 2, 2, "A second paragraph about fish ladders.", "Fish").id();
        cast.signIn(Who.CONVENOR);
        long ballot = ballots.open(id, a2, OPEN_BALLOT);
        long compromise = compromises.propose(id, 1, BODY.replace("Quixotic", "Pelican"), "Both birds", Set.of(a1)).id();
        return new Amendments(id, a1, a2, ballot, compromise);
    }

    private final Matrix.Calls<Amendments> amendmentCalls = new Matrix.Calls<Amendments>()
            .read("list them", a -> amendments.list(a.proposal()))
            .find("find A1 by search", a -> search.search("pelicanesque", 50),
                    (a, found) -> any(found, r -> r.kind() == SearchKind.AMENDMENT && r.id() == a.a1()))
            .change("comment on A1", a -> comments.post(a.proposal(),
                    new NewComment(a.a1(), null, Visibility.SHARED, null, null, null, false, "On A1.")))
            .change("withdraw A1", a -> amendments.withdraw(a.a1()))
            .change("accept A1", a -> amendments.accept(a.a1()))
            .read("plan merging A1", a -> merging.plan(a.proposal(), java.util.Set.of(a.a1())))
            .change("merge A1 in one step", a -> merging.merge(a.proposal(), 1, java.util.Set.of(a.a1()), java.util.Map.of()))
            .change("reject A1", a -> amendments.reject(a.a1(), "Not now."))
            .change("put A1 to the vote", a -> ballots.open(a.proposal(), a.a1(), OPEN_BALLOT))
            .change("merge A2 without its ballot", a -> amendments.mergeAfterBallot(a.a2()))
            .read("see A2's ballot", a -> ballots.details(a.ballot()))
            .change("vote on A2", a -> ballots.vote(a.ballot(), Choice.FOR, ""))
            .change("close A2's ballot", a -> ballots.close(a.ballot()))
            .change("offer a compromise for A1", a -> compromises.propose(a.proposal(), 1, BODY.replace("rivers", "streams"), "Plainer", Set.of(a.a1())))
            .change("answer A3's offer for A1", a -> compromises.answer(a.compromise(), a.a1(), false, "Birds matter."))
            .change("reorder the voting list", a -> votingLists.reorder(a.proposal(), List.of(a.a2())));

    @Test
    void amendmentsInDiscussionAndTheirBallot() {
        matrix.check("amendments in discussion", this::amendmentsInDiscussion, amendmentCalls, """
                list them                        | group
                find A1 by search                | group
                comment on A1                    | group
                withdraw A1                      | member              // its proposer
                accept A1                        | author convenor
                plan merging A1                  | author convenor
                merge A1 in one step             | author convenor
                reject A1                        | author convenor
                put A1 to the vote               | convenor
                // Only the close of A2's ballot merges it: not an author, nor a convenor while the group is voting.
                merge A2 without its ballot      | nobody
                see A2's ballot                  | group
                vote on A2                       | other-party member author convenor // the group when it opened, less those only claiming a party
                close A2's ballot                | convenor
                offer a compromise for A1        | author convenor
                answer A3's offer for A1         | member              // A1's proposer
                reorder the voting list          | convenor
                """);
    }

    @Test
    void amendmentsOnceTheProposalIsInVoting() {
        matrix.check("amendments left open in voting", () -> {
            Amendments a = amendmentsInDiscussion();
            // A proposal goes to voting only once no amendment ballot is open.
            ballots.close(a.ballot());
            proposals.move(a.proposal(), ProposalState.VOTING);
            return a;
        }, amendmentCalls, """
                list them                        | group
                find A1 by search                | group
                comment on A1                    | group
                // Withdrawing one's own open amendment changes no text, so it stays possible after discussion.
                withdraw A1                      | member
                accept A1                        | nobody
                plan merging A1                  | nobody
                merge A1 in one step             | nobody
                reject A1                        | nobody
                put A1 to the vote               | nobody
                merge A2 without its ballot      | nobody
                see A2's ballot                  | group
                vote on A2                       | nobody              // closed before voting began
                close A2's ballot                | nobody
                offer a compromise for A1        | nobody
                answer A3's offer for A1         | nobody              // compromises are answered in discussion
                reorder the voting list          | convenor            // what was put to the vote before voting began
                """);
    }

    // ---- the ballot on the final text

    record Ballot(long proposal, long ballot) {
    }

    private final Matrix.Calls<Ballot> ballotCalls = new Matrix.Calls<Ballot>()
            .read("see it", b -> ballots.details(b.ballot()))
            .find("listed on the proposal", b -> ballots.ballotsOf(b.proposal()), (b, found) -> found.contains(b.ballot()))
            .change("vote", b -> ballots.vote(b.ballot(), Choice.AGAINST, "No."))
            .change("close it", b -> ballots.close(b.ballot()))
            .change("open a second one", b -> ballots.open(b.proposal(), null, OPEN_BALLOT))
            // Cancelling is for ratification ballots of a pact that has left ratification; on anything else it does nothing.
            .quiet("cancel it", b -> ballots.cancelRatification(b.ballot(), "Because."));

    @Test
    void anOpenBallot() {
        matrix.check("an open ballot", () -> {
            long id = discussed();
            return new Ballot(id, ballotOnFinalText(id));
        }, ballotCalls, """
                see it                           | group
                listed on the proposal           | group
                vote                             | other-party member author convenor // not the member only claiming GRN
                close it                         | convenor
                open a second one                | nobody
                cancel it                        | nobody
                """);
    }

    @Test
    void aClosedBallot() {
        matrix.check("a closed ballot", () -> {
            long id = discussed();
            long ballot = ballotOnFinalText(id);
            decide(ballot, Choice.FOR);
            return new Ballot(id, ballot);
        }, ballotCalls, """
                see it                           | group
                listed on the proposal           | group
                vote                             | nobody
                close it                         | nobody
                open a second one                | nobody
                cancel it                        | nobody
                """);
    }

    /** What the bell says about the ballot: electors, authors and watchers hear of it opening and closing. */
    private final Matrix.Calls<Ballot> ballotNews = new Matrix.Calls<Ballot>()
            .read("see it", b -> ballots.details(b.ballot()))
            .find("notified it opened", b -> notifications.mine(100), (b, found) -> any(found, n -> n.kind().equals("BALLOT")
                    && n.link().equals("ballots/" + b.ballot()) && n.text().startsWith("A ballot opened")))
            .find("notified it closed", b -> notifications.mine(100), (b, found) -> any(found, n -> n.kind().equals("BALLOT")
                    && n.link().equals("ballots/" + b.ballot()) && n.text().startsWith("The ballot on")));

    @Test
    void newsOfABallot() {
        matrix.check("news of a ballot", () -> {
            long id = discussed();
            long ballot = ballotOnFinalText(id);
            ballots.close(ballot);
            PendingNotices.fanOutInThisTransaction(context);
            return new Ballot(id, ballot);
        }, ballotNews, """
                see it                           | group
                notified it opened               | other-party member author   // the convenor opened it
                notified it closed               | other-party member author
                """);
    }

    @Test
    void newsOfABallotForAnElectorWhoLeft() {
        matrix.check("news of a ballot for an elector who left", () -> {
            long id = discussed();
            long ballot = ballotOnFinalText(id);
            // Told after the opening commits, in use a moment later: here, before the member leaves.
            PendingNotices.fanOutInThisTransaction(context);
            cast.leave(Who.MEMBER);
            cast.signIn(Who.CONVENOR);
            ballots.close(ballot);
            PendingNotices.fanOutInThisTransaction(context);
            return new Ballot(id, ballot);
        }, ballotNews, """
                // The member was an elector when the ballot opened, then left the group: they hear no more of it.
                see it                           | other-party author convenor claimed
                notified it opened               | other-party member author   // while still in the group
                notified it closed               | other-party author
                """);
    }

    @Test
    void aBallotOfAWithdrawnProposal() {
        matrix.check("a ballot of a withdrawn proposal", () -> {
            long id = discussed();
            long ballot = ballotOnFinalText(id);
            proposals.move(id, ProposalState.WITHDRAWN);
            return new Ballot(id, ballot);
        }, ballotCalls, """
                see it                           | group
                listed on the proposal           | group
                vote                             | nobody
                close it                         | nobody              // withdrawing the proposal cancelled it
                open a second one                | nobody
                cancel it                        | nobody
                """);
    }
}
