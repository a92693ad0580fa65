package org.commonground.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.commonground.ballot.BallotService;
import org.commonground.ballot.BallotSettings;
import org.commonground.ballot.Choice;
import org.commonground.ballot.rules.DecisionRule;
import org.commonground.group.GroupService;
import org.commonground.pact.PactService;
import org.commonground.pact.PactAmendmentService;
import org.commonground.pact.terms.PactTerms;
import org.commonground.pact.terms.SeatTerms;
import org.commonground.pact.terms.Stance;
import org.commonground.proposal.Amendment;
import org.commonground.proposal.AmendmentService;
import org.commonground.comment.CommentService;
import org.commonground.comment.NewComment;
import org.commonground.proposal.ProposalDraft;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.comment.Visibility;
import org.commonground.publishing.Publication;
import org.commonground.publishing.PublicationVerifier;
import org.commonground.publishing.PublishingService;
import org.commonground.publishing.document.Fingerprint;
import org.commonground.security.SignedInMember;
import org.commonground.support.Agreements;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestDatabase;
import org.commonground.support.TestMembers;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A group's record, exported from the app's database and restored into a new, empty one (created on the same
 * server and migrated by Flyway, as the app would): the same published documents byte for byte with the same
 * fingerprints, verifiable there; the same revisions, comments, amendments, votes and audit trail; and exporting
 * the restored group gives the same record again.
 */
@IntegrationTest
class GroupBackupTest {

    private static final String GREEN_CAUCUS = "Green caucus only: we could accept amendment two if Labour moves on crossings.";
    private static final String GREEN_CAUCUS_REPLY = "Agreed, but keep it between us.";
    private static final String LABOUR_CAUCUS = "Labour caucus: the Greens will want 20 mph zones; we can live with that.";
    private static final String GREEN_PACT_CAUCUS = "Green caucus on the pact: a paper candidate is our floor.";
    private static final String SECRET_REASON = "My reason in a secret ballot";

    @Autowired
    org.commonground.publishing.CorrectionService corrections;
    @Autowired
    Agreements agreements;
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
    BallotService ballots;
    @Autowired
    PactService pacts;
    @Autowired
    PactAmendmentService pactAmendments;
    @Autowired
    PublishingService publishing;
    @Autowired
    GroupExport exports;
    @Autowired
    DSLContext db;

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    /** A local group with a published pact, a published and corrected proposal, and a pact still negotiated. */
    record Built(long group, SignedInMember convenor, SignedInMember green, SignedInMember libDem, long proposal, long pact, long openPact,
                 long secretBallot, long finalBallot) {
    }

    private Built realisticGroup() {
        Agreements.Ratified ratified = agreements.ratifiedPact("Aldershot understanding " + UUID.randomUUID().toString().substring(0, 6));
        SignedInMember convenor = ratified.convenor(); // Labour
        SignedInMember green = ratified.green();
        long group = ratified.group();
        SignedInMember libDem = testMembers.joined(groups, group, convenor, "Backup lib dem", "LD");
        TestMembers.signIn(convenor);
        publishing.publishPact(ratified.pact());

        long proposal = proposals.create(group, new ProposalDraft("Safe cycling to school", "A route for every school.",
                "Every school gets a safe cycling route.\n\nCouncils fund crossings near schools.\n", "First draft"));
        proposals.save(proposal, 1, new ProposalDraft("Safe cycling to school", "A safe route for every school.",
                "Every school gets a safe cycling route by 2028.\n\nCouncils fund crossings near schools.\n\nParents help plan the routes.\n", "Dates"));
        proposals.addCoAuthor(proposal, green.id());
        proposals.move(proposal, ProposalState.DISCUSSION);

        TestMembers.signIn(green);
        long shared = comments.post(proposal, NewComment.onProposal(Visibility.SHARED, "A good start; what about rural schools?"));
        long caucus = comments.post(proposal, NewComment.onProposal(Visibility.CAUCUS, GREEN_CAUCUS));
        comments.post(proposal, new NewComment(null, caucus, Visibility.SHARED, null, null, null, false, GREEN_CAUCUS_REPLY));
        Amendment first = amendments.propose(proposal, 2, 1, 1, "Every child can cycle safely to school by 2028.", "Children, not buildings");

        TestMembers.signIn(libDem);
        comments.post(proposal, new NewComment(null, shared, Visibility.SHARED, null, null, null, false, "Rural schools need buses too."));
        comments.post(proposal, new NewComment(first.id(), null, Visibility.SHARED, null, null, null, false, "Yes to this amendment."));
        long withdrawn = comments.post(proposal, NewComment.onProposal(Visibility.SHARED, "Posted by mistake."));
        comments.delete(withdrawn);
        Amendment second = amendments.propose(proposal, 2, 3, 3, "Councils fund crossings and 20 mph zones near schools.", "Slower traffic");
        // Comments on lines: accepting the first amendment below changes the words of one and moves the other.
        comments.post(proposal, NewComment.onPassage(Visibility.SHARED, 2, 1, 1, "safe cycling route", "Safe for whom?"));
        comments.post(proposal, NewComment.onPassage(Visibility.SHARED, 2, 2, 2, "crossings", "Zebra or pelican?"));

        TestMembers.signIn(convenor);
        comments.post(proposal, NewComment.onProposal(Visibility.CAUCUS, LABOUR_CAUCUS));
        amendments.accept(first.id());
        long secretBallot = ballots.open(proposal, second.id(), new BallotSettings(DecisionRule.SIMPLE_MAJORITY, true, 0, 0, null));
        ballots.vote(secretBallot, Choice.FOR, "");
        TestMembers.signIn(green);
        ballots.vote(secretBallot, Choice.AGAINST, SECRET_REASON);
        TestMembers.signIn(libDem);
        ballots.vote(secretBallot, Choice.ABSTAIN, "");
        ballots.vote(secretBallot, Choice.FOR, "Changed my mind");
        TestMembers.signIn(convenor);
        ballots.close(secretBallot);

        proposals.move(proposal, ProposalState.VOTING);
        long finalBallot = ballots.open(proposal, null, new BallotSettings(DecisionRule.CONCURRENT_MAJORITY, false, 0, 0, null));
        ballots.vote(finalBallot, Choice.FOR, "For the children");
        TestMembers.signIn(green);
        ballots.vote(finalBallot, Choice.FOR, "");
        TestMembers.signIn(libDem);
        ballots.vote(finalBallot, Choice.FOR, "With buses next time");
        TestMembers.signIn(convenor);
        ballots.close(finalBallot);
        Publication published = publishing.publishProposal(proposal);
        String correctionBallot = corrections.correct(published.slug(), publishing.content(published).body().strip()
                + "\n\nSchools publish their routes.\n", "A line was left out.").awaiting();
        long ballotOnCorrection = Long.parseLong(correctionBallot.substring(correctionBallot.lastIndexOf('/') + 1));
        for (SignedInMember voter : List.of(convenor, green, libDem)) {
            TestMembers.signIn(voter);
            ballots.vote(ballotOnCorrection, Choice.FOR, "");
        }
        TestMembers.signIn(convenor);
        ballots.close(ballotOnCorrection);

        long openPact = pacts.start(group, "Aldershot, next time", List.of("E14001063"), null);
        pacts.revise(openPact, 1, terms("GRN", "LAB", Stance.STANDS_DOWN, "Green leads next time."), "");
        pacts.openNegotiation(openPact);
        TestMembers.signIn(green);
        long pactAmendment = pactAmendments.proposeAmendment(openPact, terms("GRN", "LAB", Stance.PAPER_CANDIDATE, "Green leads; Labour keeps a name on the ballot."), "A paper candidate");
        comments.postOnPact(openPact, NewComment.onProposal(Visibility.SHARED, "Happy to talk."));
        comments.postOnPact(openPact, NewComment.onProposal(Visibility.CAUCUS, GREEN_PACT_CAUCUS));
        comments.postOnPact(openPact, new NewComment(pactAmendment, null, Visibility.SHARED, null, null, null, false, "This is the compromise."));

        TestMembers.signIn(convenor);
        groups.invite(group, TestMembers.uniqueEmail("Invited later"));
        SignedInMember asker = testMembers.register("Backup asker", "WEP");
        TestMembers.signIn(asker);
        groups.requestToJoin(group);
        TestMembers.signOut();
        return new Built(group, convenor, green, libDem, proposal, ratified.pact(), openPact, secretBallot, finalBallot);
    }

    private static PactTerms terms(String candidate, String other, Stance stance, String conditions) {
        return new PactTerms(List.of(new SeatTerms("E14001063", "Aldershot", candidate, Map.of(other, stance))), conditions);
    }

    /** A new database on the test server, migrated as the app migrates its own; dropped when the test run ends. */
    private static DSLContext emptyDatabase() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(TestDatabase.anotherUrl());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    private static JsonNode json(byte[] bytes) {
        return RecordJson.JSON.readTree(bytes);
    }

    /** The same tree as one read from a file (numbers as a parser makes them). */
    private static JsonNode reread(JsonNode tree) {
        return json(RecordJson.JSON.writeValueAsBytes(tree));
    }

    private static List<List<Object>> query(DSLContext database, String sql, Object... binds) {
        return database.fetch(sql, binds).stream().map(r -> Arrays.asList(r.intoArray())).toList();
    }

    /** The same query on both databases gives the same, non-empty, rows. */
    private static void same(DSLContext original, DSLContext restored, String sql, Object... binds) {
        List<List<Object>> expected = query(original, sql, binds);
        assertThat(expected).as(sql).isNotEmpty();
        assertThat(query(restored, sql, binds)).as(sql).isEqualTo(expected);
    }

    private static final String PROPOSALS = "(select id from proposal where group_id = ?)";
    private static final String PACTS = "(select id from pact where group_id = ?)";
    private static final String BALLOTS = "(select id from ballot where proposal_id in " + PROPOSALS + " or pact_id in " + PACTS + ")";

    @Test
    void aConvenorsRecordRestoresIntoAnEmptyDatabaseWithTheSameDocumentsFingerprintsAndTexts() throws Exception {
        Built g = realisticGroup();
        TestMembers.signIn(g.convenor());
        GroupExport.Export export = exports.export(g.group());
        JsonNode first = json(export.json());
        String text = new String(export.json(), StandardCharsets.UTF_8);

        assertThat(export.fileName()).matches("pact-publishing-town-\\d+-record-\\d{4}-\\d{2}-\\d{2}\\.json");
        assertThat(first.get("format").asString()).isEqualTo("common-ground-group-record");
        assertThat(first.get("format_version").asInt()).isEqualTo(1);
        assertThat(first.get("proposals")).hasSize(1);
        assertThat(first.get("proposals").get(0).get("revisions")).hasSize(4); // two saves, a merge, a merge after the ballot
        assertThat(first.get("pacts")).hasSize(2);
        assertThat(first.get("publications")).hasSize(3);
        // A Labour convenor's record: Labour's caucus, not the Greens'; who voted in the secret ballot, not how.
        assertThat(first.get("complete").asBoolean()).isFalse();
        assertThat(text).contains(LABOUR_CAUCUS).doesNotContain(GREEN_CAUCUS, GREEN_CAUCUS_REPLY, GREEN_PACT_CAUCUS, SECRET_REASON,
                "password_hash", "\"admin\"", TestMembers.PASSWORD);
        // Nor anything else the app shows nobody: members' addresses and email preferences, invitations no longer
        // open, and the comment events (who conferred in their party, when) that the activity pages leave out.
        assertThat(text).doesNotContain(g.convenor().email(), g.green().email(), g.libDem().email(), "email_notifications");
        assertThat(first.get("members").valueStream().map(m -> m.has("email"))).isNotEmpty().containsOnly(false);
        assertThat(first.get("invitations").valueStream().map(i -> i.get("accepted_at").isNull() && i.get("declined_at").isNull()))
                .isNotEmpty().containsOnly(true);
        assertThat(first.get("audit_events").valueStream().map(e -> e.get("action").asString()))
                .doesNotContain("COMMENT_POSTED", "COMMENT_EDITED", "COMMENT_DELETED", "MEMBER_INVITED").contains("PROPOSAL_CREATED");
        assertThat(query(db, "select count(*) from audit_event where action = 'COMMENT_POSTED' and detail like '% CAUCUS' and actor_id = ?",
                g.green().id()).getFirst().getFirst()).as("the Greens' caucus comments were audited").isEqualTo(3L);
        JsonNode secret = ballot(first, g.secretBallot());
        assertThat(secret.has("votes")).isFalse();
        assertThat(secret.get("secret_votes").get("voters")).hasSize(3);
        assertThat(secret.get("secret_votes").get("choices").toString()).doesNotContain("member");
        assertThat(ballot(first, g.finalBallot()).get("votes")).hasSize(3);
        // Labour's and the Greens' delegates, and the correction the group agreed by ballot.
        assertThat(first.get("delegates")).hasSize(2);
        assertThat(first.get("corrections")).singleElement().satisfies(c -> assertThat(c.get("state").asString()).isEqualTo("PUBLISHED"));

        DSLContext restored = emptyDatabase();
        GroupRestore.Restored result = new GroupRestore(restored).restore(export.json());
        assertThat(result.groupId()).isEqualTo(g.group());
        // The group's four, and the organiser who appointed its delegates: the record names whoever its rows name.
        assertThat(result.newMembers()).isEqualTo(5);
        assertThat(result.summary()).contains("1 proposal (4 revisions, 2 amendments)", "2 pacts", "3 published documents", "Forgot your password?",
                "except the 5 to whom the record gives no address", "leaves out");

        // The same documents, byte for byte, with the same fingerprints, and the public verification holds there.
        PublicationVerifier there = new PublicationVerifier(restored);
        for (JsonNode p : first.get("publications")) {
            Publication original = publishing.published(p.get("slug").asString()).orElseThrow();
            Publication copy = there.bySlug(original.slug()).orElseThrow();
            assertThat(copy).isEqualTo(original);
            assertThat(there.content(copy)).isEqualTo(publishing.content(original));
            assertThat(Fingerprint.of(there.content(copy))).isEqualTo(original.fingerprint());
            byte[] pdf = there.pdf(copy);
            assertThat(pdf).isEqualTo(publishing.pdf(original));
            assertThat(Fingerprint.sha256(pdf)).isEqualTo(original.pdfSha256());
            assertThat(PublicationVerifier.fingerprintNamedIn(pdf)).isEqualTo(original.fingerprint());
            PublishingService.Verification byFingerprint = there.verifyFingerprint(original.fingerprint());
            assertThat(byFingerprint.verdict()).isEqualTo(PublishingService.Verdict.MATCH);
            assertThat(byFingerprint.publication().slug()).isEqualTo(original.slug());
            PublishingService.Verification byFile = there.verifyPdf(pdf);
            assertThat(byFile.verdict()).isEqualTo(PublishingService.Verdict.MATCH);
            assertThat(byFile.publication().slug()).isEqualTo(original.slug());
        }

        // The same texts and counts.
        long group = g.group();
        same(db, restored, "select * from groups where id = ?", group);
        same(db, restored, "select * from group_membership where group_id = ? order by member_id", group);
        same(db, restored, "select id, display_name, party_id, locale, created_at from member where id in "
                + "(select member_id from group_membership where group_id = ?) order by id", group);
        // Without their addresses, members are restored under a placeholder per member that no mail reaches.
        for (List<Object> member : query(restored, "select id, email, email_notifications from member")) {
            assertThat(member).containsExactly(member.get(0), "member-" + member.get(0) + "@restored.invalid", "NEVER");
        }
        same(db, restored, "select proposal_id, number, title, summary, body, note, author_id, created_at, search from proposal_revision "
                + "where proposal_id in " + PROPOSALS + " order by 1, 2", group);
        same(db, restored, "select id, state, current_revision, discussed_at, state_changed_at from proposal where group_id = ?", group);
        same(db, restored, "select * from amendment where proposal_id in " + PROPOSALS + " order by id", group);
        same(db, restored, "select * from comment where (proposal_id in " + PROPOSALS + " or pact_id in " + PACTS + ") "
                + "and (visibility = 'SHARED' or author_party_id = ? or author_id = ?) order by id", group, group, g.convenor().partyId(), g.convenor().id());
        assertThat(query(restored, "select count(*) from comment where body in (?, ?, ?)", GREEN_CAUCUS, GREEN_CAUCUS_REPLY, GREEN_PACT_CAUCUS).getFirst().getFirst())
                .isEqualTo(0L);
        assertThat(query(restored, "select revision, line, anchor_start is not null, passage_changed_in from comment where body in (?, ?) order by id",
                "Safe for whom?", "Zebra or pelican?")).as("the comments' anchors, one carried to the latest revision, one on words since changed")
                .containsExactly(List.of(2, 1, true, 3), Arrays.asList(4, 2, true, null));
        same(db, restored, "select * from ballot where id in " + BALLOTS + " order by id", group, group);
        same(db, restored, "select * from ballot_elector where ballot_id in " + BALLOTS + " order by 1, 2", group, group);
        // Tallies per party of every ballot; open ballots vote for vote.
        same(db, restored, "select e.ballot_id, e.party_id, v.choice, count(*) from ballot_elector e left join vote v "
                + "on v.ballot_id = e.ballot_id and v.member_id = e.member_id where e.ballot_id in " + BALLOTS + " group by 1, 2, 3 order by 1, 2, 3", group, group);
        same(db, restored, "select v.* from vote v join ballot b on b.id = v.ballot_id where not b.secret and b.id in " + BALLOTS + " order by 1, 2", group, group);
        same(db, restored, "select member_id, cast_at, changed_at from vote where ballot_id = ? order by 1", g.secretBallot());
        same(db, restored, "select * from pact where group_id = ? order by id", group);
        same(db, restored, "select pact_id, number, terms, conditions, author_id, note, created_at from pact_revision where pact_id in " + PACTS + " order by 1, 2", group);
        same(db, restored, "select * from pact_amendment where pact_id in " + PACTS + " order by id", group);
        same(db, restored, "select * from pact_ratification where pact_id in " + PACTS + " order by 1, 2, 3", group);
        same(db, restored, "select * from pact_constituency where pact_id in " + PACTS + " order by 1, 2", group);
        same(db, restored, "select * from group_invitation where group_id = ? and accepted_at is null and declined_at is null order by id", group);
        assertThat(query(restored, "select count(*) from group_invitation where accepted_at is not null or declined_at is not null")
                .getFirst().getFirst()).isEqualTo(0L);
        Long[] auditIds = ids(first.get("audit_events"));
        assertThat(auditIds.length).isGreaterThan(30);
        same(db, restored, "select * from audit_event where id = any(?) order by id", (Object) auditIds);
        assertThat(query(restored, "select count(*) from audit_event").getFirst().getFirst()).isEqualTo((long) auditIds.length);

        // Exporting the restored group gives the same record.
        JsonNode again = new GroupRecordRepository(restored).read(group, new GroupRecordRepository.Reader(g.convenor().id(), g.convenor().partyId()),
                OffsetDateTime.parse(first.get("exported_at").asString()));
        assertThat(reread(again)).isEqualTo(first);

        // New rows there take ids after the restored ones.
        long maxAudit = Arrays.stream(auditIds).mapToLong(Long::longValue).max().orElseThrow();
        Long next = value(restored, "insert into audit_event (action, subject_type) values ('TEST', 'test') returning id");
        assertThat(next).isGreaterThan(maxAudit);
        long maxComment = value(db, "select max(id) from comment where proposal_id in " + PROPOSALS, group);
        assertThat(value(restored, "select last_value from pg_sequences where sequencename = 'comment_id_seq'"))
                .isGreaterThanOrEqualTo(maxComment);
        assertThat(value(restored, "select last_value from pg_sequences where sequencename = 'groups_id_seq'")).isEqualTo(group);

        // Restored members have no password anyone could sign in with, and no one is made an admin.
        for (List<Object> member : query(restored, "select password_hash, admin from member")) {
            assertThat(member.get(0)).isEqualTo(GroupRestore.NO_PASSWORD);
            assertThat(Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().matches(TestMembers.PASSWORD, (String) member.get(0))).isFalse();
            assertThat(member.get(1)).isEqualTo(false);
        }
    }

    @Test
    void theCompleteRecordFromTheCommandLineRestoresEveryCaucusAndWhoCastEachSecretVote() {
        Built g = realisticGroup();
        GroupExport.Export export = exports.exportComplete(g.group());
        JsonNode first = json(export.json());
        assertThat(first.get("complete").asBoolean()).isTrue();
        assertThat(first.get("exported_by").isNull()).isTrue();
        assertThat(new String(export.json(), StandardCharsets.UTF_8)).contains(GREEN_CAUCUS, GREEN_CAUCUS_REPLY, GREEN_PACT_CAUCUS, SECRET_REASON);
        assertThat(query(db, "select actor_id, detail from audit_event where subject_type = 'group' and subject_id = ? and action = 'GROUP_EXPORTED'", g.group()))
                .containsExactly(Arrays.<Object>asList(null, "complete record, from the command line"));

        DSLContext restored = emptyDatabase();
        new GroupRestore(restored).restore(export.json());
        long group = g.group();
        same(db, restored, "select * from comment where proposal_id in " + PROPOSALS + " or pact_id in " + PACTS + " order by id", group, group);
        same(db, restored, "select * from vote where ballot_id in " + BALLOTS + " order by 1, 2", group, group);
        JsonNode again = new GroupRecordRepository(restored).read(group, GroupRecordRepository.Reader.COMPLETE,
                OffsetDateTime.parse(first.get("exported_at").asString()));
        assertThat(reread(again)).isEqualTo(first);
    }

    @Test
    void aDatabaseThatHoldsAnyOfTheRecordIsRefusedAndLeftAsItWas() {
        Built g = realisticGroup();
        GroupExport.Export export = exports.exportComplete(g.group());
        JsonNode record = json(export.json());

        // The app's own database holds the group.
        Map<String, Long> before = counts(db);
        assertThatThrownBy(() -> new GroupRestore(db).restore(export.json()))
                .isInstanceOf(RestoreRefusedException.class)
                .hasMessageContaining("group " + g.group())
                .hasMessageContaining("proposal " + g.proposal())
                .hasMessageContaining("a group named")
                .hasMessageContaining("Nothing was written");
        assertThat(counts(db)).isEqualTo(before);

        // An otherwise empty database that happens to hold one audit event with an id the record uses.
        DSLContext other = emptyDatabase();
        long lastAudit = Arrays.stream(ids(record.get("audit_events"))).mapToLong(Long::longValue).max().orElseThrow();
        other.execute("insert into audit_event (id, action, subject_type) overriding system value values (?, 'ELSEWHERE', 'test')", lastAudit);
        Map<String, Long> otherBefore = counts(other);
        assertThatThrownBy(() -> new GroupRestore(other).restore(export.json()))
                .isInstanceOf(RestoreRefusedException.class)
                .hasMessageContaining("audit event " + lastAudit)
                .hasMessageNotContaining("a group named");
        assertThat(counts(other)).isEqualTo(otherBefore);

        // A record the database refuses half-way through (a vote no ballot takes) leaves nothing behind either.
        ObjectNode damaged = (ObjectNode) record.deepCopy();
        ObjectNode vote = (ObjectNode) ballot(damaged, g.finalBallot()).get("votes").get(0);
        vote.put("choice", "MAYBE");
        DSLContext third = emptyDatabase();
        Map<String, Long> thirdBefore = counts(third);
        assertThatThrownBy(() -> new GroupRestore(third).restore(damaged))
                .isInstanceOf(RestoreRefusedException.class)
                .hasMessageContaining("The database refused the record")
                .hasMessageContaining("vote_choice_check")
                .hasMessageContaining("Nothing was written");
        assertThat(counts(third)).isEqualTo(thirdBefore);
        assertThat(value(third, "select last_value from pg_sequences where sequencename = 'groups_id_seq'")).isNull();

        // A record that names a member it does not hold would attach its rows to whoever has that id here.
        ObjectNode stranger = (ObjectNode) record.deepCopy();
        ((ObjectNode) stranger.get("proposals").get(0).get("comments").get(0)).put("author_id", 999_999_999L);
        assertThatThrownBy(() -> new GroupRestore(third).restore(stranger))
                .isInstanceOf(RestoreRefusedException.class)
                .hasMessageContaining("refers to a member that is not in the record");
        // Nor can a file make anyone an admin.
        ObjectNode admin = (ObjectNode) record.deepCopy();
        ((ObjectNode) admin.get("members").get(0)).put("admin", true);
        assertThatThrownBy(() -> new GroupRestore(third).restore(admin))
                .isInstanceOf(RestoreRefusedException.class)
                .hasMessageContaining("\"admin\"");
        // Nor an audit event under a word no version records: nothing would ever read it as what happened.
        ObjectNode misspelt = (ObjectNode) record.deepCopy();
        ((ObjectNode) misspelt.get("audit_events").get(0)).put("action", "COMMENT_POSTD");
        assertThatThrownBy(() -> new GroupRestore(third).restore(misspelt))
                .isInstanceOf(RestoreRefusedException.class)
                .hasMessageContaining("\"COMMENT_POSTD\" is not one this version records")
                .hasMessageContaining("Nothing was written");
        assertThat(counts(third)).isEqualTo(thirdBefore);

        assertThatThrownBy(() -> GroupRestore.parse("{\"format\": \"something else\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RestoreRefusedException.class).hasMessageContaining("not a Common Ground group record");
        assertThatThrownBy(() -> GroupRestore.parse("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RestoreRefusedException.class).hasMessageContaining("not JSON");
    }

    @Test
    void onlyAConvenorExportsNotEvenAnAdminAndEachExportIsAudited() {
        Built g = realisticGroup();
        for (SignedInMember notConvenor : List.of(g.green(), g.libDem(), testMembers.register("Backup outsider", "GRN"),
                testMembers.registerAdmin("Backup admin"))) {
            TestMembers.signIn(notConvenor);
            assertThatThrownBy(() -> exports.export(g.group())).isInstanceOf(AccessDeniedException.class);
            assertThat(exports.mayExport(g.group())).isFalse();
        }
        TestMembers.signOut();
        assertThatThrownBy(() -> exports.export(g.group())).isInstanceOf(AccessDeniedException.class);
        assertThat(query(db, "select count(*) from audit_event where subject_type = 'group' and subject_id = ? and action = 'GROUP_EXPORTED'", g.group())
                .getFirst().getFirst()).isEqualTo(0L);

        TestMembers.signIn(g.convenor());
        assertThat(exports.mayExport(g.group())).isTrue();
        JsonNode record = json(exports.export(g.group()).json());
        assertThat(record.get("exported_by").get("member_id").asLong()).isEqualTo(g.convenor().id());
        assertThat(query(db, "select actor_id from audit_event where subject_type = 'group' and subject_id = ? and action = 'GROUP_EXPORTED' order by id", g.group()))
                .containsExactly(List.<Object>of(g.convenor().id()));
    }

    @Test
    void aSecretBallotStillOpenIsExportedWithoutItsChoicesNotEvenTotals() {
        SignedInMember convenor = testMembers.register("Open ballot convenor", "GRN");
        TestMembers.signIn(convenor);
        long group = groups.create(new org.commonground.group.NewGroup("Open ballot group " + convenor.id(), org.commonground.group.GroupKind.ALLIANCE, null, null));
        SignedInMember member = testMembers.joined(groups, group, convenor, "Open ballot member", "LD");
        TestMembers.signIn(convenor);
        long proposal = proposals.create(group, new ProposalDraft("Night buses", "", "Buses run all night at weekends.\n", ""));
        proposals.move(proposal, ProposalState.DISCUSSION);
        Amendment amendment = amendments.propose(proposal, 1, 1, 1, "Buses run all night every night.", "Because it is better.");
        long ballot = ballots.open(proposal, amendment.id(), new BallotSettings(DecisionRule.SIMPLE_MAJORITY, true, 0, 0, null));
        ballots.vote(ballot, Choice.AGAINST, "");
        TestMembers.signIn(member);
        ballots.vote(ballot, Choice.AGAINST, "");

        TestMembers.signIn(convenor);
        GroupExport.Export export = exports.export(group);
        JsonNode secret = ballot(json(export.json()), ballot).get("secret_votes");
        assertThat(secret.get("voters")).hasSize(2);
        assertThat(secret.get("choices").isNull()).isTrue();
        assertThat(new String(export.json(), StandardCharsets.UTF_8)).doesNotContain("AGAINST");

        DSLContext restored = emptyDatabase();
        GroupRestore.Restored result = new GroupRestore(restored).restore(export.json());
        assertThat(result.summary()).contains("Ballot " + ballot + " was secret and still open", "its 2 votes are not restored");
        assertThat(value(restored, "select count(*) from ballot_elector where ballot_id = ?", ballot)).isEqualTo(2L);
        assertThat(value(restored, "select count(*) from vote where ballot_id = ?", ballot)).isZero();
        assertThat(query(restored, "select original, replacement from amendment_passage where amendment_id = ?", amendment.id()))
                .as("the amendment keeps what it changes").containsExactly(List.<Object>of("at weekends.", "every night."));
    }

    private static JsonNode ballot(JsonNode record, long ballotId) {
        for (JsonNode proposal : record.get("proposals")) {
            for (JsonNode ballot : proposal.get("ballots")) {
                if (ballot.get("id").asLong() == ballotId) {
                    return ballot;
                }
            }
        }
        throw new AssertionError("no ballot " + ballotId);
    }

    private static Long[] ids(JsonNode rows) {
        List<Long> ids = new ArrayList<>();
        rows.forEach(r -> ids.add(r.get("id").asLong()));
        return ids.toArray(Long[]::new);
    }

    private static Long value(DSLContext database, String sql, Object... binds) {
        return database.resultQuery(sql, binds).fetchOne(0, Long.class);
    }

    private static Map<String, Long> counts(DSLContext database) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("party", "member", "groups", "group_membership", "group_invitation", "proposal", "proposal_revision",
                "amendment", "comment", "ballot", "ballot_elector", "vote", "pact", "pact_revision", "pact_amendment", "pact_ratification",
                "publication", "audit_event")) {
            counts.put(table, value(database, "select count(*) from " + table));
        }
        return counts;
    }
}
