package org.commonground.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.jooq.Tables.NOTIFICATION;
import static org.commonground.jooq.Tables.PROPOSAL;
import static org.commonground.jooq.Tables.PROPOSAL_READER;
import static org.commonground.jooq.Tables.WATCH;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.commonground.audit.AuditAction;
import org.commonground.audit.AuditLog;
import org.commonground.notification.PendingNotices;
import org.commonground.group.GroupService;
import org.commonground.proposal.ProposalDraft;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.search.SearchKind;
import org.commonground.search.SearchService;
import org.commonground.shared.InvalidInputException;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Who may read a proposal" is said once, by the {@code proposal_reader} view (V24), and mirrored by the pure
 * ProposalAccessRules that ProposalGuard applies. For every state, whether or not the group ever discussed it, and
 * every signed-in role of the access matrix (and one who has asked to join): the view and the rule agree, search
 * finds the proposal exactly when they say so, and a change to it notifies a watcher exactly when they say so.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProposalReadersAgreeTest {

    @Autowired
    TestMembers testMembers;
    @Autowired
    GroupService groups;
    @Autowired
    ProposalService proposals;
    @Autowired
    SearchService search;
    @Autowired
    AuditLog audit;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    DSLContext db;

    Cast cast;
    /**
     * Every role of the access matrix with an account (not being signed in reads nothing and has no id to ask
     * about), and a Green who has asked to join the group and is still waiting.
     */
    final Map<String, SignedInMember> readers = new LinkedHashMap<>();
    String word;
    long proposal;

    @BeforeAll
    void proposal() {
        cast = new Cast(testMembers, groups);
        for (Who who : EnumSet.complementOf(EnumSet.of(Who.PUBLIC))) {
            readers.put(who.word, cast.get(who));
        }
        SignedInMember waiting = testMembers.register("Wyn Waiting " + cast.tag, "GRN");
        TestMembers.signIn(waiting);
        groups.requestToJoin(cast.group);
        readers.put("requested", waiting);
        word = "zq" + cast.tag.chars().mapToObj(c -> String.valueOf((char) ('b' + c % 20))).reduce("", String::concat);
        cast.signIn(Who.AUTHOR);
        proposal = proposals.create(cast.group, new ProposalDraft("Readers " + word, "", "Who reads " + word + "?\n", ""));
        cast.coAuthorWhoLeft(proposals, proposal);
        // Everyone follows it, whatever they may read: only the rule may keep a notification from them.
        for (SignedInMember reader : readers.values()) {
            db.insertInto(WATCH).set(WATCH.MEMBER_ID, reader.id()).set(WATCH.SUBJECT_TYPE, "proposal").set(WATCH.SUBJECT_ID, proposal)
                    .onConflictDoNothing().execute();
        }
    }

    @AfterAll
    void signOut() {
        TestMembers.signOut();
    }

    @Test
    void theViewTheRuleSearchAndNotificationsAgreeInEveryStateForEveryRole() {
        int readable = 0;
        int checked = 0;
        for (ProposalState state : ProposalState.values()) {
            for (boolean discussed : new boolean[] {false, true}) {
                db.update(PROPOSAL).set(PROPOSAL.STATE, state.name()).set(PROPOSAL.DISCUSSED_AT, discussed ? OffsetDateTime.now() : null)
                        .where(PROPOSAL.ID.eq(proposal)).execute();
                Set<Long> notified = notifiedOfAChange();
                for (Map.Entry<String, SignedInMember> reader : readers.entrySet()) {
                    String where = "%s, %s, %s".formatted(reader.getKey(), state, discussed ? "discussed" : "never discussed");
                    SignedInMember member = reader.getValue();
                    boolean byRule = readsByTheRule(member);
                    assertThat(readsByTheView(member)).as("the view, " + where).isEqualTo(byRule);
                    assertThat(foundBySearch(member)).as("search, " + where).isEqualTo(byRule);
                    assertThat(notified.contains(member.id())).as("notified, " + where).isEqualTo(byRule);
                    readable += byRule ? 1 : 0;
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(ProposalState.values().length * 2 * readers.size());
        // Both kinds of answer were tried.
        assertThat(readable).isBetween(1, checked - 1);
    }

    /** ProposalAccessRules.canRead, as ProposalGuard applies it to the member's standing. */
    private boolean readsByTheRule(SignedInMember member) {
        TestMembers.signIn(member);
        try {
            proposals.details(proposal);
            return true;
        } catch (InvalidInputException notReadable) {
            return false;
        }
    }

    private boolean readsByTheView(SignedInMember member) {
        return db.fetchExists(PROPOSAL_READER, PROPOSAL_READER.PROPOSAL_ID.eq(proposal).and(PROPOSAL_READER.MEMBER_ID.eq(member.id())));
    }

    private boolean foundBySearch(SignedInMember member) {
        TestMembers.signIn(member);
        return search.search(word, 50).stream().anyMatch(r -> r.kind() == SearchKind.PROPOSAL && r.id() == proposal);
    }

    /** Who hears of the proposal's opening for discussion, told as the app tells it, by nobody in the cast. */
    private Set<Long> notifiedOfAChange() {
        String link = "proposals/" + proposal;
        db.deleteFrom(NOTIFICATION).where(NOTIFICATION.LINK.eq(link)).execute();
        new TransactionTemplate(transactions).executeWithoutResult(tx ->
                audit.record(null, AuditAction.PROPOSAL_DISCUSSION, "proposal", proposal, ""));
        PendingNotices.awaitFannedOut(db);
        return Set.copyOf(db.select(NOTIFICATION.MEMBER_ID).from(NOTIFICATION).where(NOTIFICATION.LINK.eq(link)).fetch(NOTIFICATION.MEMBER_ID));
    }
}
