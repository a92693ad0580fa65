package org.commonground.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonground.jooq.Tables.CONSTITUENCY;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.commonground.ballot.NewCandidate;
import org.commonground.ballot.UnityBallotService;
import org.commonground.ballot.UnityBallotSettings;
import org.commonground.ballot.UnityMethod;
import org.commonground.ballot.rules.ranked.TieBreakRule;
import org.commonground.comment.CommentService;
import org.commonground.comment.NewComment;
import org.commonground.comment.Visibility;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.pact.PactGroupsService;
import org.commonground.pact.PactService;
import org.commonground.pact.terms.PactTerms;
import org.commonground.pact.terms.SeatTerms;
import org.commonground.pact.terms.Stance;
import org.commonground.security.SignedInMember;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestDatabase;
import org.commonground.support.TestMembers;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A group's record holds its pacts' unity-candidate ballots and the other groups in its pacts (issue 21), and a
 * restore into a new database brings them back: an alliance's pact over Aldershot and Bristol Central, joined by one
 * local group and read by another, with a ranked unity ballot closed after a candidate withdrew (its winner proposed
 * as an amendment) and an approval ballot still open. The groups in the pact come back when their own records were
 * restored first, and are otherwise left out with a note; a reading group's record holds nothing of the pact.
 */
@IntegrationTest
class PactPartsBackupTest {

    static final String ALDERSHOT = "E14001063";
    static final String BRISTOL = "E14001131";

    @Autowired
    TestMembers testMembers;
    @Autowired
    GroupService groups;
    @Autowired
    PactService pacts;
    @Autowired
    PactGroupsService pactGroups;
    @Autowired
    UnityBallotService unity;
    @Autowired
    CommentService comments;
    @Autowired
    org.commonground.ballot.BallotService ballots;
    @Autowired
    GroupExport exports;
    @Autowired
    DSLContext db;

    SignedInMember allianceConvenor;
    SignedInMember allianceGreen;
    SignedInMember readerConvenor;
    SignedInMember readerGreen;
    SignedInMember joinerConvenor;
    long alliance;
    long readers;
    long joiner;
    long pact;
    long closedBallot;
    long openBallot;
    long election;
    long delegateElection;
    String electionCode;

    @BeforeEach
    void anAlliancePactWithItsGroupsAndUnityBallots() {
        for (String[] seat : new String[][] {{ALDERSHOT, "Aldershot"}, {BRISTOL, "Bristol Central"}}) {
            db.insertInto(CONSTITUENCY).set(CONSTITUENCY.ONS_CODE, seat[0]).set(CONSTITUENCY.NAME, seat[1]).onConflictDoNothing().execute();
        }
        allianceConvenor = testMembers.register("Backup alliance chair", "LAB");
        TestMembers.signIn(allianceConvenor);
        alliance = groups.create(new NewGroup("Backup alliance " + allianceConvenor.id(), GroupKind.ALLIANCE, null, ""));
        allianceGreen = testMembers.joined(groups, alliance, allianceConvenor, "Backup alliance Green", "GRN");

        readerConvenor = testMembers.register("Backup reader chair", "LD");
        TestMembers.signIn(readerConvenor);
        readers = groups.create(new NewGroup("Backup readers " + readerConvenor.id(), GroupKind.LOCAL, null, "Aldershot (" + ALDERSHOT + ")"));
        readerGreen = testMembers.joined(groups, readers, readerConvenor, "Backup reader Green", "GRN");
        joinerConvenor = testMembers.register("Backup joiner chair", "GRN");
        TestMembers.signIn(joinerConvenor);
        joiner = groups.create(new NewGroup("Backup joiner " + joinerConvenor.id(), GroupKind.LOCAL, null, "Bristol Central (" + BRISTOL + ")"));

        // The election whose results the pact shows: a record names it (it is public data, imported again).
        electionCode = "BK" + allianceConvenor.id();
        election = db.resultQuery("insert into election (code, name, parties) values (?, 'Backup general election', '{LAB,GRN}') returning id",
                electionCode).fetchOne(0, Long.class);
        TestMembers.signIn(allianceConvenor);
        pact = pacts.start(alliance, "Backup tapir framework", List.of(ALDERSHOT, BRISTOL), election);
        pacts.revise(pact, 1, new PactTerms(List.of(new SeatTerms(ALDERSHOT, "Aldershot", "LAB", Map.of("GRN", Stance.STANDS_DOWN)),
                new SeatTerms(BRISTOL, "Bristol Central", "GRN", Map.of("LAB", Stance.STANDS_DOWN))), "Tapir leaflets."), "");
        pacts.openNegotiation(pact);
        pactGroups.inviteToRead(pact, readers);
        pactGroups.invite(pact, joiner);
        TestMembers.signIn(readerConvenor);
        pactGroups.acceptReading(pact, readers);
        TestMembers.signIn(joinerConvenor);
        pactGroups.accept(pact, joiner);
        TestMembers.signIn(readerGreen);
        comments.postOnPact(pact, new NewComment(null, null, Visibility.SHARED, null, null, null, false, "A reader's tapir remark."));

        // A ranked ballot: the convenor's first choice withdraws, so his ranking counts for his second.
        TestMembers.signIn(allianceConvenor);
        closedBallot = unity.open(pact, ALDERSHOT, new UnityBallotSettings(UnityMethod.RANKED, TieBreakRule.BACKWARDS,
                List.of(new NewCandidate("Ada Tapir", "LAB"), new NewCandidate("Bo Tapir", null), new NewCandidate("Cy Tapir", "GRN")), null));
        List<Long> c = unity.details(closedBallot).candidates().stream().map(x -> x.id()).toList();
        unity.rank(closedBallot, Map.of(c.get(2), 1, c.get(0), 2));
        TestMembers.signIn(allianceGreen);
        unity.rank(closedBallot, Map.of(c.get(0), 1, c.get(1), 2));
        TestMembers.signIn(joinerConvenor);
        unity.rank(closedBallot, Map.of(c.get(1), 1));
        TestMembers.signIn(allianceConvenor);
        unity.withdraw(closedBallot, c.get(2));
        unity.close(closedBallot);
        unity.proposeWinner(closedBallot);
        openBallot = unity.open(pact, BRISTOL, new UnityBallotSettings(UnityMethod.APPROVAL, TieBreakRule.BACKWARDS,
                List.of(new NewCandidate("Di Tapir", "GRN"), new NewCandidate("Ed Tapir", null)), null));
        unity.approve(openBallot, Set.of(unity.details(openBallot).candidates().getFirst().id()));
        // And the Greens there electing a delegate, a secret ballot still open.
        TestMembers.signIn(allianceGreen);
        delegateElection = ballots.openDelegateElection(alliance, allianceGreen.id(), OffsetDateTime.now().plusDays(2));
        ballots.vote(delegateElection, org.commonground.ballot.Choice.FOR, "");
        TestMembers.signOut();
    }

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    private static DSLContext emptyDatabase() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(TestDatabase.anotherUrl());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    private static JsonNode json(byte[] bytes) {
        return RecordJson.JSON.readTree(bytes);
    }

    private static List<List<Object>> query(DSLContext database, String sql, Object... binds) {
        return database.fetch(sql, binds).stream().map(r -> Arrays.asList(r.intoArray())).toList();
    }

    private static void same(DSLContext original, DSLContext restored, String sql, Object... binds) {
        List<List<Object>> expected = query(original, sql, binds);
        assertThat(expected).as(sql).isNotEmpty();
        assertThat(query(restored, sql, binds)).as(sql).isEqualTo(expected);
    }

    private GroupExport.Export exportAs(SignedInMember convenor, long group) {
        TestMembers.signIn(convenor);
        return exports.export(group);
    }

    private static final String UNITY = "(select id from unity_ballot where pact_id = ?)";

    @Test
    void aConvenorsRecordRestoresItsUnityBallotsAndTheGroupsInItsPactsWhereThoseGroupsWereRestoredFirst() {
        GroupExport.Export readersRecord = exportAs(readerConvenor, readers);
        GroupExport.Export joinerRecord = exportAs(joinerConvenor, joiner);
        GroupExport.Export allianceRecord = exportAs(allianceConvenor, alliance);
        JsonNode first = json(allianceRecord.json());

        // The reading (and the joined) group's record holds nothing of the alliance's pact, not even its part in it.
        assertThat(new String(readersRecord.json(), StandardCharsets.UTF_8)).doesNotContain("tapir", "Tapir");
        assertThat(json(readersRecord.json()).get("pacts")).isEmpty();
        assertThat(new String(joinerRecord.json(), StandardCharsets.UTF_8)).doesNotContain("Tapir");

        JsonNode k = first.get("pacts").get(0);
        assertThat(k.get("groups").valueStream().map(g -> g.get("state").asString())).containsExactlyInAnyOrder("READING", "JOINED");
        assertThat(first.get("other_groups").valueStream().map(g -> g.get("id").asLong())).containsExactlyInAnyOrder(readers, joiner);
        assertThat(k.get("unity_ballots")).hasSize(2);
        // Nobody's marks by name in a member's export: who marked, and apart, each party's sets; of the open ballot, no sets.
        for (JsonNode b : k.get("unity_ballots")) {
            assertThat(b.has("marks")).isFalse();
            if (b.get("id").asLong() == closedBallot) {
                assertThat(b.get("secret_marks").get("voters")).hasSize(3);
                assertThat(b.get("secret_marks").get("sets")).hasSize(3);
                assertThat(b.get("secret_marks").get("sets").toString()).doesNotContain("member");
                assertThat(b.get("amendment_id").isNull()).isFalse();
            } else {
                assertThat(b.get("secret_marks").get("sets").isNull()).isTrue();
            }
        }
        assertThat(first.get("audit_events").valueStream().map(e -> e.get("action").asString()))
                .contains("UNITY_BALLOT_OPENED", "UNITY_CANDIDATE_WITHDRAWN", "UNITY_BALLOT_CLOSED", "PACT_GROUP_READING");

        assertThat(first.get("elections").valueStream().map(e -> e.get("code").asString())).containsExactly(electionCode);
        assertThat(k.get("election_id").asLong()).isEqualTo(election);
        assertThat(first.get("delegate_elections").valueStream().map(b -> b.get("id").asLong())).containsExactly(delegateElection);

        // The groups in the pact restored first, then the alliance: every part of the pact comes back (and its election,
        // imported there under the same id).
        DSLContext restored = emptyDatabase();
        restored.execute("insert into election (id, code, name, parties) overriding system value values (?, ?, 'Backup general election', '{LAB,GRN}')",
                election, electionCode);
        new GroupRestore(restored).restore(readersRecord.json());
        new GroupRestore(restored).restore(joinerRecord.json());
        GroupRestore.Restored result = new GroupRestore(restored).restore(allianceRecord.json());
        assertThat(result.summary()).contains("unity-candidate ballot " + openBallot + " was still open").doesNotContain("that part is not restored");
        same(db, restored, "select * from pact_joined_group where pact_id = ? order by group_id", pact);
        same(db, restored, "select * from ballot where group_id = ? order by id", alliance);
        same(db, restored, "select * from ballot_elector where ballot_id = ? order by 1, 2", delegateElection);
        same(db, restored, "select * from unity_ballot where pact_id = ? order by id", pact);
        same(db, restored, "select * from unity_candidate where ballot_id in " + UNITY + " order by id", pact);
        same(db, restored, "select * from unity_elector where ballot_id in " + UNITY + " order by 1, 2", pact);
        // The closed ballot's marks per party as they were (one marker per party: exactly as they were).
        same(db, restored, "select e.party_id, m.candidate_id, m.rank, count(*) from unity_mark m join unity_elector e on e.ballot_id = m.ballot_id "
                + "and e.member_id = m.member_id where m.ballot_id = ? group by 1, 2, 3 order by 1, 2, 3", closedBallot);
        assertThat(query(restored, "select count(*) from unity_mark where ballot_id = ?", openBallot).getFirst().getFirst()).isEqualTo(0L);
        // Readers read the pact there as here: the pact_reader view agrees.
        same(db, restored, "select member_id, convenes from pact_reader where pact_id = ? order by 1", pact);

        JsonNode again = new GroupRecordRepository(restored).read(alliance, new GroupRecordRepository.Reader(allianceConvenor.id(), allianceConvenor.partyId()),
                OffsetDateTime.parse(first.get("exported_at").asString()));
        // The open ballot's marks were not in the record, so its voters are gone; all else is as exported.
        JsonNode expected = first.deepCopy();
        ((tools.jackson.databind.node.ObjectNode) expected.get("delegate_elections").get(0).get("secret_votes")).putArray("voters");
        for (JsonNode b : expected.get("pacts").get(0).get("unity_ballots")) {
            if (b.get("id").asLong() == openBallot) {
                ((tools.jackson.databind.node.ObjectNode) b.get("secret_marks")).putArray("voters");
            }
        }
        assertThat(json(RecordJson.JSON.writeValueAsBytes(again))).isEqualTo(json(RecordJson.JSON.writeValueAsBytes(expected)));
    }

    @Test
    void restoredAloneThePactsOtherGroupsAreLeftOutWithANoteAndTheCompleteRecordKeepsEveryMark() {
        GroupExport.Export complete = exports.exportComplete(alliance);
        assertThat(json(complete.json()).get("pacts").get(0).get("unity_ballots").get(0).has("marks")).isTrue();
        DSLContext restored = emptyDatabase();
        GroupRestore.Restored result = new GroupRestore(restored).restore(complete.json());
        assertThat(result.notes()).anyMatch(n -> n.contains("had group " + readers) && n.contains("as reading") && n.contains("not restored"))
                .anyMatch(n -> n.contains("had group " + joiner) && n.contains("as joined"));
        assertThat(query(restored, "select count(*) from pact_joined_group").getFirst().getFirst()).isEqualTo(0L);
        // Its election is not imported there: the pact shows none until it is, and says so.
        assertThat(result.notes()).anyMatch(n -> n.contains("Backup general election (" + electionCode + ")") && n.contains("shows no results"));
        assertThat(query(restored, "select election_id from pact where id = ?", pact).getFirst().getFirst()).isNull();
        same(db, restored, "select * from unity_mark where ballot_id in " + UNITY + " order by 1, 2, 3", pact);
        same(db, restored, "select * from unity_ballot where pact_id = ? order by id", pact);
        same(db, restored, "select * from unity_candidate where ballot_id in " + UNITY + " order by id", pact);
    }

    @Test
    void aRecordCannotWriteIntoAnotherGroupItNamesOnlyAsAPactsPart() {
        GroupExport.Export readersRecord = exportAs(readerConvenor, readers);
        GroupExport.Export allianceRecord = exportAs(allianceConvenor, alliance);
        // Tampered: the alliance convenor's membership moved into the reading group, which the record names in other_groups.
        tools.jackson.databind.node.ObjectNode tampered = (tools.jackson.databind.node.ObjectNode) json(allianceRecord.json());
        ((tools.jackson.databind.node.ObjectNode) tampered.get("memberships").get(0)).put("group_id", readers);
        DSLContext restored = emptyDatabase();
        new GroupRestore(restored).restore(readersRecord.json());
        List<List<Object>> before = query(restored, "select group_id, member_id, role from group_membership order by 1, 2");

        assertThatThrownBy(() -> new GroupRestore(restored).restore(RecordJson.JSON.writeValueAsBytes(tampered)))
                .isInstanceOf(RestoreRefusedException.class).hasMessageContaining("group_membership").hasMessageContaining("not in the record");
        assertThat(query(restored, "select group_id, member_id, role from group_membership order by 1, 2")).isEqualTo(before);
    }
}
