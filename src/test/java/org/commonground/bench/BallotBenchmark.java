package org.commonground.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.commonground.CommonGroundApplication;
import org.commonground.ballot.BallotService;
import org.commonground.ballot.BallotSettings;
import org.commonground.ballot.Choice;
import org.commonground.ballot.rules.DecisionRule;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.proposal.ProposalDraft;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.security.SignedInMember;
import org.commonground.support.TestDatabase;
import org.commonground.support.TestMembers;
import org.jooq.DSLContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 4's numbers: a vote cast through the service layer (permission checks, locking, audit) against a plain
 * JDBC insert of the same row on the same database in the same run (target: at most 3×), and closing a ballot
 * with 10,000 votes across 6 parties (target: under 200 ms). Run it with bench/run-ballots.
 */
public final class BallotBenchmark {

    private static final String[] PARTIES = {"LAB", "GRN", "LD", "SNP", "PC", "WEP"};

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CommonGroundApplication.class)
                .run("--server.port=0", "--spring.datasource.url=" + TestDatabase.url(), "--logging.level.root=warn")) {
            TestMembers members = TestMembers.of(app);
            DSLContext db = app.getBean(DSLContext.class);
            DataSource dataSource = app.getBean(DataSource.class);
            GroupService groups = app.getBean(GroupService.class);
            ProposalService proposals = app.getBean(ProposalService.class);
            BallotService ballots = app.getBean(BallotService.class);

            SignedInMember convenor = members.register("Bench convenor", "LAB");
            TestMembers.signIn(convenor);
            long group = groups.create(new NewGroup("Bench hall " + System.nanoTime(), GroupKind.ALLIANCE, null, null));
            List<Long> voters = addMembers(db, group, 10_000);
            System.out.printf("group with %,d members across %d parties%n", voters.size() + 1, PARTIES.length);

            // Service votes and plain inserts, alternating in rounds so both meet the same database state.
            long serviceBallot = openBallot(proposals, ballots, group, convenor);
            long jdbcBallot = openBallot(proposals, ballots, group, convenor);
            int rounds = 20;
            int perRound = 100;
            long serviceNanos = 0;
            long jdbcNanos = 0;
            long probeNanos = 0;
            List<Double> ratios = new ArrayList<>();
            try (Connection c = dataSource.getConnection();
                 PreparedStatement insert = c.prepareStatement("insert into vote (ballot_id, member_id, choice, reason) values (?, ?, ?, '')")) {
                c.setAutoCommit(true);
                for (int r = 0; r < rounds + 5; r++) {
                    boolean warmUp = r < 5;
                    long start = System.nanoTime();
                    for (int i = 0; i < perRound; i++) {
                        long voter = voters.get(r * perRound + i);
                        TestMembers.signIn(new SignedInMember(voter, "", "", 0, "", "", false, null));
                        ballots.vote(serviceBallot, Choice.values()[i % 3], "");
                    }
                    long service = System.nanoTime() - start;
                    start = System.nanoTime();
                    for (int i = 0; i < perRound; i++) {
                        insert.setLong(1, jdbcBallot);
                        insert.setLong(2, voters.get(r * perRound + i));
                        insert.setString(3, Choice.values()[i % 3].name());
                        insert.executeUpdate();
                    }
                    long jdbc = System.nanoTime() - start;
                    start = System.nanoTime();
                    for (int i = 0; i < perRound; i++) {
                        long voter = voters.get(r * perRound + i);
                        db.execute("select 1 from ballot_elector where ballot_id = ? and member_id = ?", serviceBallot, voter);
                    }
                    if (!warmUp) {
                        probeNanos += System.nanoTime() - start;
                    }
                    if (!warmUp) {
                        serviceNanos += service;
                        jdbcNanos += jdbc;
                        ratios.add((double) service / jdbc);
                    }
                }
            }
            double serviceMs = serviceNanos / 1e6 / (rounds * perRound);
            double jdbcMs = jdbcNanos / 1e6 / (rounds * perRound);
            System.out.printf("(a one-row select through jOOQ, for scale: %.2f ms)%n", probeNanos / 1e6 / (rounds * perRound));
            ratios.sort(null);
            System.out.printf("vote through the service: %.2f ms; plain JDBC insert: %.2f ms; ratio %.1f\u00d7 overall, "
                    + "median of %d rounds %.1f\u00d7 (target \u2264 3\u00d7)%n", serviceMs, jdbcMs, serviceMs / jdbcMs, ratios.size(),
                    ratios.get(ratios.size() / 2));

            double[] closes = new double[5];
            for (int i = 0; i < closes.length; i++) {
                TestMembers.signIn(convenor);
                long ballot = openBallot(proposals, ballots, group, convenor);
                db.execute("insert into vote (ballot_id, member_id, choice, reason) select ballot_id, member_id, "
                        + "(array['FOR','FOR','AGAINST','ABSTAIN'])[1 + (member_id % 4)], '' from ballot_elector where ballot_id = ? "
                        + "and member_id <> ?", ballot, convenor.id());
                TestMembers.signIn(convenor);
                long start = System.nanoTime();
                ballots.close(ballot);
                closes[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(closes);
            System.out.printf("closing a ballot with 10,000 votes across 6 parties: median %.0f ms of %d (target < 200 ms)%n",
                    closes[closes.length / 2], closes.length);
            TestMembers.signOut();
        }
    }

    private static long openBallot(ProposalService proposals, BallotService ballots, long group, SignedInMember convenor) {
        TestMembers.signIn(convenor);
        long proposal = proposals.create(group, new ProposalDraft("Bench motion", "", "We agree.", ""));
        proposals.move(proposal, ProposalState.DISCUSSION);
        proposals.move(proposal, ProposalState.VOTING);
        return ballots.open(proposal, null, new BallotSettings(DecisionRule.CONCURRENT_MAJORITY, false, 20, 20, null));
    }

    /** Members straight into the database: hashing 10,000 passwords would measure Argon2, not ballots. */
    private static List<Long> addMembers(DSLContext db, long group, int count) {
        String tag = Long.toString(System.nanoTime(), 36);
        // Verified, and confirmed by their parties (here, by the group's first member), so that they count.
        db.execute("insert into member (email, display_name, party_id, password_hash, email_verified_at, party_confirmed_at, party_confirmed_by) "
                + "select 'bench-' || ? || '-' || n || '@example.org', 'Bench member ' || n, "
                + "(select id from party where code = (array['LAB','GRN','LD','SNP','PC','WEP'])[1 + n % 6]), "
                + "'$argon2id$v=19$m=16384,t=2,p=1$not-a-real-hash-for-bench', now(), now(), "
                + "(select min(member_id) from group_membership where group_id = ?) from generate_series(1, ?) n", tag, group, count);
        List<Long> ids = new ArrayList<>(db.fetch("select id from member where email like ? order by id", "bench-" + tag + "-%")
                .getValues(0, Long.class));
        db.execute("insert into group_membership (group_id, member_id, status, role, joined_at) "
                + "select ?, id, 'ACTIVE', 'MEMBER', now() from member where email like ?", group, "bench-" + tag + "-%");
        return ids;
    }

    private BallotBenchmark() {
    }
}
