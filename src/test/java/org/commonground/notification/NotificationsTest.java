package org.commonground.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.commonground.ballot.BallotService;
import org.commonground.ballot.BallotSettings;
import org.commonground.ballot.rules.DecisionRule;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.pact.PactService;
import org.commonground.pact.PactRatificationService;
import org.commonground.proposal.AmendmentService;
import org.commonground.comment.CommentService;
import org.commonground.comment.NewComment;
import org.commonground.proposal.ProposalDraft;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.comment.Visibility;
import org.commonground.security.SignedInMember;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.commonground.support.WithSmtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.commonground.mail.Outbox;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;

/** Notifications in the app and by email, through a real SMTP server (GreenMail) and the outbox's dispatcher. */
@IntegrationTest
@WithSmtpServer
class NotificationsTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    @Autowired
    NotificationService notifications;
    @Autowired
    DailyDigest digest;
    @Autowired
    UnsubscribeLinks links;
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
    PactRatificationService ratification;
    @Autowired
    GroupService groups;
    @Autowired
    TestMembers testMembers;
    @Autowired
    DSLContext db;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ObjectProvider<JavaMailSender> mailSender;
    @Value("${commonground.base-url}")
    String baseUrl;

    SignedInMember green;
    SignedInMember greenToo;
    SignedInMember libDem;
    long group;

    @BeforeEach
    void group() {
        // The run's database holds the mail of every earlier test class, queued where no SMTP server listened; this
        // context's dispatcher would send all of it first, and a test's own mail could wait behind hundreds.
        db.execute("update mail_outbox set sent_at = now() where sent_at is null");
        green = testMembers.register("Gwyneth Green", "GRN");
        TestMembers.signIn(green);
        group = groups.create(new NewGroup("Notified group " + green.id(), GroupKind.ALLIANCE, null, null));
        greenToo = testMembers.joined(groups, group, green, "Gareth Green", "GRN");
        libDem = testMembers.joined(groups, group, green, "Lowri Libdem", "LD");
    }

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    private List<Notification> of(SignedInMember member) {
        PendingNotices.awaitFannedOut(db);
        TestMembers.signIn(member);
        return notifications.mine(50);
    }

    private long proposalInDiscussion(String title) {
        TestMembers.signIn(green);
        long id = proposals.create(group, new ProposalDraft(title, "", "Buses every ten minutes.\n", ""));
        proposals.move(id, ProposalState.DISCUSSION);
        return id;
    }

    /**
     * The notification mail the member has received once {@code expected} have arrived, or after ten seconds; each
     * test's members are new, so this is all they had but the link that verified their address at registration.
     */
    private List<MimeMessage> mailTo(SignedInMember member, int expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + (expected == 0 ? 1_500 : 10_000);
        List<MimeMessage> received;
        do {
            received = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
                try {
                    return m.getAllRecipients()[0].toString().equals(member.email())
                            && !m.getSubject().equals("Verify your Common Ground address");
                } catch (jakarta.mail.MessagingException e) {
                    return false;
                }
            }).toList();
            if (expected > 0 && received.size() >= expected) {
                return received;
            }
            Thread.sleep(100);
        } while (System.currentTimeMillis() < deadline);
        return received;
    }

    @Test
    void aReplyAndAMentionNotifyInTheAppAndByMailButACaucusCommentNeverReachesAnotherParty() throws Exception {
        long proposal = proposalInDiscussion("Buses for Bangor");
        TestMembers.signIn(green);
        long mine = comments.post(proposal, NewComment.onProposal(Visibility.SHARED, "What about Sundays?"));
        TestMembers.signIn(libDem);
        comments.post(proposal, new NewComment(null, mine, Visibility.SHARED, null, null, null, false, "Sundays too."));
        // A Green caucus comment naming both: only the Green may hear of it.
        TestMembers.signIn(green);
        comments.post(proposal, NewComment.onProposal(Visibility.CAUCUS, "@Gareth Green and @Lowri Libdem: shall we push for trams?"));

        assertThat(of(green)).extracting(Notification::kind, Notification::text, Notification::link)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("REPLY", "Lowri Libdem replied to your comment on \u201cBuses for Bangor\u201d",
                        "proposals/" + proposal));
        assertThat(of(greenToo)).extracting(Notification::kind).containsExactly("MENTION");
        assertThat(of(libDem)).isEmpty();

        List<MimeMessage> toGreen = mailTo(green, 1);
        assertThat(toGreen).hasSize(1);
        assertThat(toGreen.getFirst().getSubject()).isEqualTo("Common Ground: a reply to your comment").doesNotContain("Bangor");
        String body = toGreen.getFirst().getContent().toString();
        assertThat(body).contains("Lowri Libdem replied", "/proposals/" + proposal, "/unsubscribe?m=" + green.id() + "&d=" + LocalDate.now(ZoneOffset.UTC).toEpochDay() + "&t=");
        assertThat(mailTo(greenToo, 1)).extracting(MimeMessage::getSubject).containsExactly("Common Ground: you were mentioned in a comment");
        assertThat(mailTo(libDem, 0)).isEmpty();

        TestMembers.signIn(green);
        assertThat(notifications.unread()).isEqualTo(1);
        notifications.markAllRead();
        assertThat(notifications.unread()).isZero();
    }

    @Test
    void authorsAndWatchersHearOfAmendmentsAndStatesAndNobodyHearsOfADraftTheyCannotRead() {
        TestMembers.signIn(green);
        long draft = proposals.create(group, new ProposalDraft("Secret draft", "", "Not yet.\n", ""));
        comments.post(draft, NewComment.onProposal(Visibility.SHARED, "Note to self, @Lowri Libdem should see this later"));
        assertThat(of(libDem)).isEmpty();

        long proposal = proposalInDiscussion("Cycle lanes");
        TestMembers.signIn(libDem);
        proposals.setWatching(proposal, true);
        TestMembers.signIn(greenToo);
        long amendment = amendments.propose(proposal, 1, 1, 1, "Buses every five minutes.", "More often").id();
        assertThat(of(green)).extracting(Notification::text).contains("Gareth Green proposed an amendment to \u201cCycle lanes\u201d");
        assertThat(of(libDem)).extracting(Notification::text).contains("Gareth Green proposed an amendment to \u201cCycle lanes\u201d");
        // Its proposer, who neither wrote nor watches the proposal, hears of the decision.
        TestMembers.signIn(green);
        amendments.reject(amendment, "Not now.");
        assertThat(of(greenToo)).extracting(Notification::text).contains("Amendment A1 to \u201cCycle lanes\u201d was rejected");
        assertThat(of(libDem)).extracting(Notification::text).contains("Amendment A1 to \u201cCycle lanes\u201d was rejected");

        TestMembers.signIn(libDem);
        proposals.setWatching(proposal, false);
        TestMembers.signIn(green);
        proposals.move(proposal, ProposalState.VOTING);
        assertThat(of(libDem)).extracting(Notification::text).doesNotContain("\u201cCycle lanes\u201d has moved to voting");
        assertThat(of(greenToo)).extracting(Notification::text).doesNotContain("\u201cCycle lanes\u201d has moved to voting");

        // A ballot tells everyone who may vote in it.
        TestMembers.signIn(green);
        long ballot = ballots.open(proposal, null, new BallotSettings(DecisionRule.CONCURRENT_MAJORITY, false, 0, 0, null));
        assertThat(of(libDem)).extracting(Notification::text, Notification::link)
                .contains(org.assertj.core.groups.Tuple.tuple("A ballot opened on the text of \u201cCycle lanes\u201d", "ballots/" + ballot));
        assertThat(of(greenToo)).extracting(Notification::kind).contains("BALLOT");

        // Withdrawing the proposal stops the vote, and its electors are told why.
        TestMembers.signIn(green);
        proposals.move(proposal, ProposalState.WITHDRAWN);
        assertThat(of(libDem)).extracting(Notification::text, Notification::link).contains(org.assertj.core.groups.Tuple.tuple(
                "The ballot on the text of \u201cCycle lanes\u201d was cancelled: the proposal was withdrawn", "ballots/" + ballot));
    }

    @Test
    void aPactAwaitingRatificationTellsTheMembersOfEachPartyAsked() {
        SignedInMember labour = testMembers.register("Llew Labour", "LAB");
        TestMembers.signIn(labour);
        long local = groups.create(new NewGroup("Notified town " + labour.id(), GroupKind.LOCAL, null, "Aldershot (E14001063)"));
        SignedInMember libDemHere = testMembers.joined(groups, local, labour, "Lis Libdem", "LD");
        SignedInMember greenHere = testMembers.joined(groups, local, labour, "Glyn Green", "GRN");
        TestMembers.signIn(labour);
        long pact = pacts.start(local, "Aldershot deal", List.of("E14001063"), null);
        pacts.revise(pact, 1, new org.commonground.pact.terms.PactTerms(List.of(new org.commonground.pact.terms.SeatTerms("E14001063", "Aldershot", "LAB",
                Map.of("LD", org.commonground.pact.terms.Stance.STANDS_DOWN))), ""), "");
        pacts.openNegotiation(pact);
        testMembers.appointDelegate(local, labour);
        testMembers.appointDelegate(local, libDemHere);
        ratification.startRatification(pact);

        assertThat(of(libDemHere)).extracting(Notification::text).containsExactly("\u201cAldershot deal\u201d awaits LD's ratification");
        assertThat(of(greenHere)).isEmpty();
    }

    @Test
    void aDailyDigestGathersTheDaysNotificationsIntoOneMailSentOnceAndUnsubscribingNeedsAGenuineLink() throws Exception {
        TestMembers.signIn(green);
        notifications.setEmailPreference(EmailPreference.DAILY);
        long proposal = proposalInDiscussion("Digest topic");
        TestMembers.signIn(green);
        long mine = comments.post(proposal, NewComment.onProposal(Visibility.SHARED, "First"));
        TestMembers.signIn(libDem);
        comments.post(proposal, new NewComment(null, mine, Visibility.SHARED, null, null, null, false, "One"));
        comments.post(proposal, new NewComment(null, mine, Visibility.SHARED, null, null, null, false, "Two"));
        assertThat(of(green)).hasSize(2);

        assertThat(digest.send()).isEqualTo(1);
        assertThat(digest.send()).isZero();
        List<MimeMessage> toGreen = mailTo(green, 1);
        assertThat(toGreen).hasSize(1);
        assertThat(toGreen.getFirst().getSubject()).isEqualTo("Common Ground: your daily digest (2 notifications)");
        assertThat(toGreen.getFirst().getContent().toString()).contains("Lowri Libdem replied to your comment on");

        long today = LocalDate.now(ZoneOffset.UTC).toEpochDay();
        assertThat(notifications.unsubscribe(green.id(), today, links.token(green.id(), today).replace('a', 'b') + "0")).isEqualTo(UnsubscribeVerdict.NOT_GENUINE);
        assertThat(notifications.unsubscribe(green.id(), today, links.token(libDem.id(), today))).isEqualTo(UnsubscribeVerdict.NOT_GENUINE);
        assertThat(notifications.unsubscribe(green.id(), today, links.token(green.id(), today))).isEqualTo(UnsubscribeVerdict.GENUINE);
        TestMembers.signIn(green);
        assertThat(notifications.emailPreference()).isEqualTo(EmailPreference.NEVER);
    }

    /** Notifications written straight to the table: many and long, more than a day's activity would make. */
    private void notify(SignedInMember member, int count, int length) {
        TestMembers.signIn(member);
        notifications.setEmailPreference(EmailPreference.DAILY);
        for (int i = 0; i < count; i++) {
            db.execute("insert into notification (member_id, kind, text, link) values (?, 'REPLY', ?, 'notifications')",
                    member.id(), (i + " ").repeat(length).substring(0, length));
        }
    }

    private static String body(MimeMessage mail) throws Exception {
        return mail.getContent().toString().replace("\r\n", "\n");
    }

    @Test
    void aDigestTooLongForOneMailIsCappedAndNeverHoldsBackAnotherMembersDigest() throws Exception {
        notify(green, 100, 500);
        notify(greenToo, 2, 40);

        assertThat(digest.send()).isEqualTo(2);

        List<MimeMessage> toGreen = mailTo(green, 1);
        assertThat(toGreen).hasSize(1);
        assertThat(toGreen.getFirst().getSubject()).isEqualTo("Common Ground: your daily digest (100 notifications)");
        String capped = body(toGreen.getFirst());
        assertThat(capped.length()).isLessThanOrEqualTo(20_000);
        int shown = (int) capped.lines().filter(line -> line.startsWith("- ")).count();
        assertThat(shown).isBetween(20, 99);
        assertThat(capped).contains("… and " + (100 - shown) + " more — see your notifications page: " + baseUrl + "/notifications");
        List<MimeMessage> toGreenToo = mailTo(greenToo, 1);
        assertThat(toGreenToo).hasSize(1);
        assertThat(body(toGreenToo.getFirst())).contains("- 0 0 0").doesNotContain("more — see");
    }

    @Test
    void oneMembersFailedDigestIsRetriedNextTimeAndTheOthersGoOut() throws Exception {
        notify(green, 1, 30);
        notify(greenToo, 1, 30);
        Outbox refusingGreen = new Outbox(db, mailSender) {
            @Override
            public void enqueue(String recipient, String subject, String body) {
                if (recipient.equals(green.email())) {
                    throw new IllegalStateException("simulated failure");
                }
                super.enqueue(recipient, subject, body);
            }
        };

        assertThat(new DailyDigest(db, refusingGreen, links, baseUrl, transactions).send()).isEqualTo(1);
        assertThat(mailTo(greenToo, 1)).hasSize(1);
        assertThat(mailTo(green, 0)).isEmpty();

        // The next run is a day later.
        db.execute("update notification set created_at = created_at - interval '30 hours' where member_id = ?", green.id());
        assertThat(digest.send()).isEqualTo(1);
        assertThat(mailTo(green, 1)).hasSize(1);
        assertThat(mailTo(greenToo, 1)).hasSize(1);
    }
}
