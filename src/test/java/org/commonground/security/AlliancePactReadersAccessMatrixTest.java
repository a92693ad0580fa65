package org.commonground.security;

import static org.commonground.jooq.Tables.CONSTITUENCY;
import static org.commonground.security.Matrix.any;

import java.util.List;
import java.util.Map;

import org.commonground.comment.CommentService;
import org.commonground.comment.NewComment;
import org.commonground.comment.Visibility;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.pact.PactAmendmentService;
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
 * An alliance's pact read by a local group of its seat (issue 21, V36). {@link Who#JOINED} convenes the alliance
 * that started the pact over Aldershot; the cast's group (Aldershot and Bristol Central, {@link Who#CONVENOR}
 * convening it) is asked to read it, then reads it; {@link Who#OTHER_GROUP} convenes another local group listing
 * Aldershot, never asked, and reads nothing through any route. The terms name Labour and the Greens, so their
 * confirmed members of the reading group comment and propose amendments; nobody of the reading group steers the
 * pact, answers for the alliance, or counts among the Greens who ratify it. (Notifications, live pages and exports,
 * which need committed rows, are tried in {@code AlliancePactReadersTest} and {@code AlliancePactReadersRouteTest}.)
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlliancePactReadersAccessMatrixTest {

    @Autowired
    TestMembers testMembers;
    @Autowired
    GroupService groups;
    @Autowired
    PactService pacts;
    @Autowired
    PactGroupsService pactGroups;
    @Autowired
    PactAmendmentService pactAmendments;
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
    long alliance;

    @BeforeAll
    void people() {
        cast = new Cast(testMembers, groups);
        matrix = new Matrix(transactions, db, cast);
        // An alliance's pact may name any seat imported.
        db.insertInto(CONSTITUENCY).set(CONSTITUENCY.ONS_CODE, Cast.ALDERSHOT).set(CONSTITUENCY.NAME, "Aldershot").onConflictDoNothing().execute();
        cast.signIn(Who.JOINED);
        alliance = groups.create(new NewGroup("Matrix alliance " + cast.tag, GroupKind.ALLIANCE, null, ""));
        TestMembers.signOut();
    }

    private static PactTerms terms(String conditions) {
        return new PactTerms(List.of(new SeatTerms(Cast.ALDERSHOT, "Aldershot", "LAB", Map.of("GRN", Stance.STANDS_DOWN))), conditions);
    }

    /** In negotiation, the cast's group asked to read it by the alliance's convenor and not yet answering. */
    private long askedToRead() {
        cast.signIn(Who.JOINED);
        long id = pacts.start(alliance, "Ocelot framework", List.of(Cast.ALDERSHOT), null);
        pacts.revise(id, 1, terms("Joint ocelot leaflets."), "As agreed nationally");
        pacts.openNegotiation(id);
        pactGroups.inviteToRead(id, cast.group);
        return id;
    }

    /** The cast's group's convenor accepted: its members read the pact. */
    private long reading() {
        long id = askedToRead();
        cast.signIn(Who.CONVENOR);
        pactGroups.acceptReading(id, cast.group);
        return id;
    }

    private final Matrix.Calls<Long> calls = new Matrix.Calls<Long>()
            .read("details", id -> pacts.details(id))
            .read("activity", id -> pacts.activity(id))
            .read("comments", id -> comments.threadOfPact(id))
            .change("watch", id -> pacts.setWatching(id, true))
            .read("draft PDF", id -> publishing.pactDraftPdf(id))
            .find("listed in the reading group", id -> pacts.inGroup(cast.group), (id, found) -> any(found, s -> s.id() == id))
            .find("listed in the unrelated group", id -> pacts.inGroup(cast.otherGroup), (id, found) -> any(found, s -> s.id() == id))
            .find("listed for Aldershot", id -> pacts.covering(Cast.ALDERSHOT), (id, found) -> any(found, s -> s.id() == id))
            .find("found by search", id -> search.search("ocelot", 50), (id, found) -> any(found, r -> r.kind() == SearchKind.PACT && r.id() == id))
            .change("comment", id -> comments.postOnPact(id, new NewComment(null, null, Visibility.SHARED, null, null, null, false, "Shared.")))
            .change("propose an amendment", id -> pactAmendments.proposeAmendment(id, terms("Joint ocelot leaflets and a hustings."), "A hustings"))
            .change("revise the terms", id -> pacts.revise(id, 2, terms("Joint ocelot leaflets, revised."), ""))
            .change("collapse", id -> pacts.collapse(id, "No agreement"))
            // The Greens who ratify are the alliance's confirmed Greens (it has none), never the reading group's.
            .find("the reading group's Greens counted to ratify", id -> ratification.confirmedMembers(id, "GRN"), (id, count) -> count > 0)
            .read("its groups", id -> pactGroups.groupsOf(id))
            .find("groups to ask to read", id -> pactGroups.readerInvitable(id), (id, found) -> any(found, g -> g.id() == cast.otherGroup))
            .change("ask the unrelated group to read", id -> pactGroups.inviteToRead(id, cast.otherGroup))
            .find("the reading group's invitations to read", id -> pactGroups.readingInvitations(cast.group), (id, found) -> any(found, s -> s.id() == id))
            .change("accept reading for the group", id -> pactGroups.acceptReading(id, cast.group))
            .change("decline reading for the group", id -> pactGroups.declineReading(id, cast.group))
            .change("stop the group reading", id -> pactGroups.stopReading(id, cast.group))
            .change("withdraw the group's reading", id -> pactGroups.withdrawReader(id, cast.group));

    @Test
    void anAlliancePactALocalGroupIsAskedToRead() {
        matrix.check("an alliance's pact a local group is asked to read", this::askedToRead, calls, """
                // Asked, the group's convenor reads the pact, to decide; its other members read nothing yet.
                details                                  | convenor joined-group
                activity                                 | convenor joined-group
                comments                                 | convenor joined-group
                watch                                    | convenor joined-group
                draft PDF                                | convenor joined-group
                listed in the reading group              | convenor           // a group's list is for its members
                listed in the unrelated group            | nobody
                listed for Aldershot                     | convenor joined-group
                found by search                          | convenor joined-group
                // The asked group's Labour convenor is of a party named, but takes no part until the group accepts.
                comment                                  | joined-group
                propose an amendment                     | nobody              // the alliance's Lib Dem convenor: not a party named
                revise the terms                         | joined-group
                collapse                                 | joined-group
                the reading group's Greens counted to ratify | nobody
                its groups                               | convenor joined-group
                groups to ask to read                    | joined-group        // the alliance's convenors ask
                ask the unrelated group to read          | joined-group
                the reading group's invitations to read  | convenor            // its convenors answer
                accept reading for the group             | convenor
                decline reading for the group            | convenor
                stop the group reading                   | nobody              // not reading yet
                withdraw the group's reading             | joined-group
                """);
    }

    @Test
    void anAlliancePactALocalGroupReads() {
        matrix.check("an alliance's pact a local group reads", this::reading, calls, """
                // The reading group's members read it by every route; the group that only lists Aldershot, nothing.
                details                                  | group joined-group
                activity                                 | group joined-group
                comments                                 | group joined-group
                watch                                    | group joined-group
                draft PDF                                | group joined-group
                listed in the reading group              | group
                listed in the unrelated group            | nobody
                listed for Aldershot                     | group joined-group
                found by search                          | group joined-group
                // Labour's and the Greens' confirmed members of the reading group have their say, as in a joined group.
                comment                                  | member author convenor joined-group
                propose an amendment                     | member author convenor
                // Steering and ratifying stay with the alliance.
                revise the terms                         | joined-group
                collapse                                 | joined-group
                the reading group's Greens counted to ratify | nobody
                its groups                               | group joined-group
                groups to ask to read                    | joined-group
                ask the unrelated group to read          | joined-group
                the reading group's invitations to read  | nobody
                accept reading for the group             | nobody              // reading already
                decline reading for the group            | nobody
                stop the group reading                   | convenor            // its own convenor, at any time
                withdraw the group's reading             | joined-group
                """);
    }
}
