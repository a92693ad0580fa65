package org.commonground.security;

import static org.commonground.security.Matrix.any;

import java.util.List;
import java.util.Map;

import org.commonground.comment.CommentService;
import org.commonground.comment.NewComment;
import org.commonground.comment.Visibility;
import org.commonground.group.GroupService;
import org.commonground.pact.PactGroupsService;
import org.commonground.pact.PactRatificationService;
import org.commonground.pact.PactService;
import org.commonground.pact.terms.PactTerms;
import org.commonground.pact.terms.SeatTerms;
import org.commonground.pact.terms.Stance;
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
 * Pacts across groups (issue 21): "members of the pact's local groups; convenors of those groups", where the pact's
 * groups are its home group (the cast's) and the third local group that joined it ({@link Who#JOINED} convenes it).
 * The member of an unrelated group ({@link Who#OTHER_GROUP}) reads nothing through any route. The pact is over
 * Aldershot and Bristol Central, the joined group's seat: Labour's candidate in both, the Greens standing down.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiGroupPactAccessMatrixTest {

    @Autowired
    TestMembers testMembers;
    @Autowired
    GroupService groups;
    @Autowired
    PactService pacts;
    @Autowired
    PactGroupsService pactGroups;
    @Autowired
    PactRatificationService ratification;
    @Autowired
    CommentService comments;
    @Autowired
    PublishingService publishing;
    @Autowired
    SearchService search;
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

    private static PactTerms terms(String conditions) {
        return new PactTerms(List.of(new SeatTerms(Cast.ALDERSHOT, "Aldershot", "LAB", Map.of("GRN", Stance.STANDS_DOWN))), conditions);
    }

    /** In negotiation, the joined group invited by the home group's convenor and not yet answering. */
    private long invited() {
        cast.signIn(Who.CONVENOR);
        long id = pacts.start(cast.group, "Okapi accord", List.of(Cast.ALDERSHOT), null);
        pacts.revise(id, 1, terms("Joint leaflets."), "As agreed in the room");
        pacts.openNegotiation(id);
        pactGroups.invite(id, cast.joinedGroup);
        return id;
    }

    /** The invited group's convenor accepted: it has joined the pact. */
    private long joined() {
        long id = invited();
        cast.signIn(Who.JOINED);
        pactGroups.accept(id, cast.joinedGroup);
        return id;
    }

    private final Matrix.Calls<Long> pactCalls = new Matrix.Calls<Long>()
            .read("details", id -> pacts.details(id))
            .read("activity", id -> pacts.activity(id))
            .read("comments", id -> comments.threadOfPact(id))
            .read("the Greens' confirmed members", id -> ratification.confirmedMembers(id, "GRN"))
            .change("watch", id -> pacts.setWatching(id, true))
            .read("draft PDF", id -> publishing.pactDraftPdf(id))
            .find("listed in the home group", id -> pacts.inGroup(cast.group), (id, found) -> any(found, s -> s.id() == id))
            .find("listed in the joined group", id -> pacts.inGroup(cast.joinedGroup), (id, found) -> any(found, s -> s.id() == id))
            .find("listed for Aldershot", id -> pacts.covering(Cast.ALDERSHOT), (id, found) -> any(found, s -> s.id() == id))
            .find("found by search", id -> search.search("okapi", 50), (id, found) -> any(found, r -> r.kind() == SearchKind.PACT && r.id() == id))
            .change("revise the terms", id -> pacts.revise(id, 2, terms("Joint leaflets and a hustings."), ""))
            .change("comment", id -> comments.postOnPact(id, new NewComment(null, null, Visibility.SHARED, null, null, null, false, "Shared.")))
            .change("collapse", id -> pacts.collapse(id, "No agreement"))
            .read("its groups", id -> pactGroups.groupsOf(id))
            .find("groups to invite", id -> pactGroups.invitable(id), (id, found) -> any(found, g -> g.id() == cast.otherGroup))
            .change("invite the unrelated group", id -> pactGroups.invite(id, cast.otherGroup))
            .find("the joined group's invitations", id -> pactGroups.invitations(cast.joinedGroup), (id, found) -> any(found, s -> s.id() == id))
            .change("accept for the joined group", id -> pactGroups.accept(id, cast.joinedGroup))
            .change("decline for the joined group", id -> pactGroups.decline(id, cast.joinedGroup))
            .change("take the joined group out", id -> pactGroups.leave(id, cast.joinedGroup, "We cannot agree"));

    @Test
    void aPactAnotherGroupIsInvitedTo() {
        matrix.check("a pact another group is invited to", this::invited, pactCalls, """
                // Invited, the group's convenor reads the pact, to decide; its other members read nothing yet.
                details                          | group joined-group
                activity                         | group joined-group
                comments                         | group joined-group
                the Greens' confirmed members    | group joined-group
                watch                            | group joined-group
                draft PDF                        | group joined-group
                listed in the home group         | group
                listed in the joined group       | joined-group
                listed for Aldershot             | group joined-group
                found by search                  | group joined-group
                revise the terms                 | convenor
                comment                          | member author convenor
                collapse                         | convenor
                its groups                       | group joined-group
                groups to invite                 | convenor            // the home group's convenors invite
                invite the unrelated group       | convenor
                the joined group's invitations   | joined-group        // its convenors answer
                accept for the joined group      | joined-group
                decline for the joined group     | joined-group
                take the joined group out        | nobody              // not in it yet
                """);
    }

    @Test
    void aPactAnotherGroupHasJoined() {
        matrix.check("a pact another group has joined", this::joined, pactCalls, """
                // "Members of the pact's local groups; convenors of those groups": the joined group's too.
                details                          | group joined-group
                activity                         | group joined-group
                comments                         | group joined-group
                the Greens' confirmed members    | group joined-group
                watch                            | group joined-group
                draft PDF                        | group joined-group
                listed in the home group         | group
                listed in the joined group       | joined-group
                listed for Aldershot             | group joined-group
                found by search                  | group joined-group
                revise the terms                 | convenor joined-group
                // The Lib Dems are not named in the terms: the joined group's convenor comments as a convenor.
                comment                          | member author convenor joined-group
                collapse                         | convenor joined-group
                its groups                       | group joined-group
                groups to invite                 | convenor
                invite the unrelated group       | convenor
                the joined group's invitations   | nobody
                accept for the joined group      | nobody              // joined already
                decline for the joined group     | nobody
                take the joined group out        | joined-group        // its own convenor, before ratification
                """);
    }
}
