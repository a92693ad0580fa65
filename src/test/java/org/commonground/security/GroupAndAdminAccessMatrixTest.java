package org.commonground.security;

import static org.commonground.jooq.Tables.USER_CREDENTIALS;
import static org.commonground.jooq.Tables.USER_ENTITIES;
import static org.commonground.security.Matrix.any;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.commonground.backup.GroupExport;
import org.commonground.election.ElectionService;
import org.commonground.election.results.Alliance;
import org.commonground.group.GroupKind;
import org.commonground.group.DelegationService;
import org.commonground.group.GroupService;
import org.commonground.group.MembershipStatus;
import org.commonground.group.NewGroup;
import org.commonground.member.MemberService;
import org.commonground.member.Registration;
import org.commonground.notification.EmailPreference;
import org.commonground.notification.NotificationService;
import org.commonground.notification.PendingNotices;
import org.commonground.notification.UnsubscribeVerdict;
import org.commonground.pact.PactService;
import org.commonground.party.PartyConfirmationService;
import org.commonground.party.PartyRepository;
import org.commonground.party.PartyService;
import org.commonground.comment.CommentService;
import org.commonground.comment.NewComment;
import org.commonground.proposal.ProposalDraft;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.comment.Visibility;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.commonground.whatif.WhatIfService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Groups and their membership, another member's notifications, and the admin's work (parties, election results,
 * accounts), through every public method of the group, party, election, member and notification services.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupAndAdminAccessMatrixTest {

    @Autowired
    TestMembers testMembers;
    @Autowired
    GroupService groups;
    @Autowired
    ProposalService proposals;
    @Autowired
    CommentService comments;
    @Autowired
    PactService pacts;
    @Autowired
    GroupExport exports;
    @Autowired
    NotificationService notifications;
    @Autowired
    PartyService partyService;
    @Autowired
    PartyRepository parties;
    @Autowired
    PartyConfirmationService partyConfirmations;
    @Autowired
    DelegationService delegations;
    @Autowired
    org.commonground.ballot.BallotService ballots;
    @Autowired
    ElectionService elections;
    @Autowired
    WhatIfService whatIf;
    @Autowired
    MemberService members;
    @Autowired
    SecondFactorService secondFactors;
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

    /** The group with the former member asking to join again, the admin invited, and a notification for the author. */
    record Group(long id, long invitation, long authorsNotification) {
    }

    private Group group() {
        cast.signIn(Who.LEFT);
        groups.requestToJoin(cast.group);
        cast.signIn(Who.CONVENOR);
        groups.invite(cast.group, cast.get(Who.ADMIN).email());
        cast.signIn(Who.ADMIN);
        long invitation = groups.myInvitations().stream().filter(i -> i.groupId() == cast.group).findFirst().orElseThrow().id();

        cast.signIn(Who.AUTHOR);
        long proposal = proposals.create(cast.group, new ProposalDraft("Notified", "", "Words.\n", ""));
        cast.signIn(Who.CONVENOR);
        proposals.move(proposal, ProposalState.DISCUSSION);
        cast.signIn(Who.AUTHOR);
        long mine = comments.post(proposal, NewComment.onProposal(Visibility.SHARED, "Mine."));
        cast.signIn(Who.OTHER_PARTY);
        comments.post(proposal, new NewComment(null, mine, Visibility.SHARED, null, null, null, false, "A reply."));
        PendingNotices.fanOutInThisTransaction(context);
        cast.signIn(Who.AUTHOR);
        long notification = notifications.mine(10).getFirst().id();
        return new Group(cast.group, invitation, notification);
    }

    @Test
    void aGroupAndItsMembership() {
        matrix.check("a group", this::group, new Matrix.Calls<Group>()
                .change("create a group", g -> groups.create(new NewGroup("Another matrix group " + cast.tag, GroupKind.ALLIANCE, null, null)))
                .find("my groups list it", g -> groups.myGroups(), (g, found) -> any(found, s -> s.id() == g.id()))
                .find("the directory lists it", g -> groups.directory(), (g, found) -> any(found, s -> s.id() == g.id()))
                .read("its details", g -> groups.details(g.id()))
                .read("its members", g -> groups.members(g.id()))
                .find("the request shown", g -> groups.members(g.id()),
                        (g, found) -> any(found, m -> m.memberId() == cast.id(Who.LEFT) && m.status() == MembershipStatus.REQUESTED))
                .change("set the line width", g -> groups.setLineWidth(g.id(), 72))
                .quiet("ask to join", g -> groups.requestToJoin(g.id()))
                .quiet("withdraw a request", g -> groups.withdrawRequest(g.id()))
                .change("approve the request", g -> groups.approve(g.id(), cast.id(Who.LEFT)))
                .change("refuse the request", g -> groups.refuse(g.id(), cast.id(Who.LEFT)))
                .change("make the member a convenor", g -> groups.promote(g.id(), cast.id(Who.MEMBER)))
                .change("remove the Lib Dem", g -> groups.remove(g.id(), cast.id(Who.OTHER_PARTY)))
                .change("remove the Green member", g -> groups.remove(g.id(), cast.id(Who.MEMBER)))
                .change("remove the only convenor", g -> groups.remove(g.id(), cast.id(Who.CONVENOR)))
                .change("invite someone", g -> groups.invite(g.id(), "newcomer-" + cast.tag + "@example.org"))
                .read("open invitations", g -> groups.openInvitations(g.id()))
                .find("my invitations list it", g -> groups.myInvitations(), (g, found) -> any(found, i -> i.id() == g.invitation()))
                .change("accept the invitation", g -> groups.acceptInvitation(g.invitation()))
                .change("decline the invitation", g -> groups.declineInvitation(g.invitation()))
                .change("start a proposal", g -> proposals.create(g.id(), new ProposalDraft("Mine", "", "Text.\n", "")))
                .change("start a pact", g -> pacts.start(g.id(), "A pact", List.of(Cast.ALDERSHOT), null))
                .read("its constituencies", g -> pacts.constituenciesOf(g.id()))
                .find("offered its record", g -> exports.mayExport(g.id()), (g, may) -> may)
                // A change: each export is written to the audit trail.
                .change("export its record", g -> exports.export(g.id()))
                .find("read the author's notification", g -> notifications.mine(100), (g, found) -> any(found, n -> n.id() == g.authorsNotification()))
                // Another member's notification id "changes nothing", as the service promises, rather than throwing.
                .quiet("mark the author's notification read", g -> notifications.markRead(g.authorsNotification()))
                // The rest take no id: each acts on the caller's own notifications and settings.
                .read("count one's unread", g -> notifications.unread())
                .quiet("mark all one's own read", g -> notifications.markAllRead())
                .read("one's email setting", g -> notifications.emailPreference())
                .change("change one's email setting", g -> notifications.setEmailPreference(EmailPreference.DAILY)), """
                create a group                   | signed-in
                my groups list it                | group left          // the one who left sees their own new request
                the directory lists it           | signed-in           // names and descriptions, to find a group to join
                its details                      | signed-in
                its members                      | group
                the request shown                | convenor
                set the line width               | convenor
                ask to join                      | admin other-group joined-group  // for members, and the one already asking, it changes nothing
                withdraw a request               | left
                approve the request              | convenor
                refuse the request               | convenor
                make the member a convenor       | convenor
                // A member leaves; a convenor removes, but not a party's delegate (the Lib Dem), whose party ends that first.
                remove the Lib Dem               | other-party
                remove the Green member          | member convenor
                remove the only convenor         | nobody              // a group keeps a convenor
                invite someone                   | convenor
                open invitations                 | convenor
                my invitations list it           | admin               // the invited address's owner
                accept the invitation            | admin
                decline the invitation           | admin
                start a proposal                 | group
                start a pact                     | convenor
                its constituencies               | group
                offered its record               | convenor
                export its record                | convenor            // not an admin: drafts and unpublished pacts are the group's
                read the author's notification   | author
                mark the author's notification read | author
                count one's unread               | signed-in
                mark all one's own read          | author              // the only one with anything unread
                one's email setting              | signed-in
                change one's email setting       | signed-in
                """);
    }

    /**
     * The Greens' organiser (the author, named by the admin), who has withdrawn the Green member's confirmation; the
     * Green who left is confirmed.
     */
    record GreenParty(long organiser) {
    }

    @Test
    void partyConfirmation() {
        matrix.check("a party confirming its members", () -> {
            cast.signIn(Who.ADMIN);
            partyConfirmations.appointOrganiser("GRN", cast.get(Who.AUTHOR).email());
            cast.signIn(Who.AUTHOR);
            partyConfirmations.revoke(cast.id(Who.MEMBER), "Not vouched for yet.");
            return new GreenParty(cast.id(Who.AUTHOR));
        }, new Matrix.Calls<GreenParty>()
                .read("one's own party standing", p -> partyConfirmations.myStanding())
                .find("may confirm", p -> partyConfirmations.mayConfirm(), (p, may) -> may)
                .read("the party's members to confirm", p -> partyConfirmations.membersToConfirm())
                .read("a party's organisers", p -> partyConfirmations.organisers("GRN"))
                .change("confirm the Green member", p -> partyConfirmations.confirm(cast.id(Who.MEMBER)))
                .change("withdraw the Green who left", p -> partyConfirmations.revoke(cast.id(Who.LEFT), "No longer a member."))
                .change("appoint a Green organiser", p -> partyConfirmations.appointOrganiser("GRN", cast.get(Who.MEMBER).email()))
                .change("remove the Green organiser", p -> partyConfirmations.removeOrganiser("GRN", p.organiser())), """
                one's own party standing         | signed-in
                may confirm                      | author              // a confirmed organiser; Greens who only convene a local group do not
                the party's members to confirm   | author
                a party's organisers             | signed-in           // who speaks for a party is no secret from members
                confirm the Green member         | author              // not the Lib Dem, the Labour convenor or the admin
                withdraw the Green who left      | author
                appoint a Green organiser        | admin
                remove the Green organiser       | admin
                """);
    }

    @Test
    void partyDelegations() {
        // The cast's delegates: the convenor for Labour, the author for the Greens, the Lib Dem for theirs. The Green
        // convenor of another group is made the Greens' organiser.
        matrix.check("a party's delegates in a group", () -> {
            cast.signIn(Who.ADMIN);
            partyConfirmations.appointOrganiser("GRN", cast.get(Who.OTHER_GROUP).email());
            return cast.group;
        }, new Matrix.Calls<Long>()
                .read("who speaks for each party here", group -> delegations.delegations(group))
                .read("one's party's delegations everywhere", group -> delegations.myPartysDelegations())
                .change("appoint the Green member a delegate", group -> delegations.appoint(group, cast.id(Who.MEMBER)))
                .change("remove the Greens' delegate", group -> delegations.remove(group, cast.id(Who.AUTHOR)))
                .change("put the Green member to the Greens' vote", group -> ballots.openDelegateElection(group, cast.id(Who.MEMBER),
                        java.time.OffsetDateTime.now().plusDays(1)))
                .read("the group's elections of delegates", group -> ballots.elections(group)), """
                who speaks for each party here   | group other-group   // its members, and an organiser of a party in it
                one's party's delegations everywhere | other-group     // organisers only
                // The Greens' organiser and delegate; not the Labour convenor, nor a Green who is not a delegate.
                appoint the Green member a delegate | author other-group
                remove the Greens' delegate      | author other-group
                // Any member the Greens confirmed in the group; not one only claiming GRN, nor anyone of another party.
                put the Green member to the Greens' vote | member author
                the group's elections of delegates | group
                """);
    }

    /** An election imported by the admin, from the four-seat sample of the 2019 file. */
    record Election(long id) {
    }

    private static byte[] sample() {
        try (InputStream in = GroupAndAdminAccessMatrixTest.class.getResourceAsStream("/elections/GE2019-sample.csv")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final byte[] HEX_MAP = """
            {"layout": "odd-r", "hexes": {"E14000901": {"n": "Old Mill", "q": 0, "r": 0}}}""".getBytes(StandardCharsets.UTF_8);

    @Test
    void partiesElectionsAndAccounts() {
        matrix.check("the admin's work", () -> {
            cast.signIn(Who.ADMIN);
            return new Election(elections.importResults("MATRIX-" + cast.tag, "Matrix election", sample(), p -> { }).id());
        }, new Matrix.Calls<Election>()
                .read("list parties", e -> partyService.list())
                .change("add a party", e -> partyService.create("MX" + cast.tag.toUpperCase(), "Matrix Party " + cast.tag, "#123456"))
                .change("rename a party", e -> partyService.update(parties.findByCode("WEP").orElseThrow().id(), "Women's Equality " + cast.tag, "#64B4C8"))
                .change("import election results", e -> elections.importResults("MATRIX2-" + cast.tag, "Another", sample(), p -> { }))
                .change("import the hex map", e -> elections.importHexMap(HEX_MAP))
                .read("elections", e -> elections.elections())
                .read("seat analysis", e -> elections.analysis(e.id(), Alliance.standard()))
                .read("some seats' analysis", e -> elections.analysis(e.id(), List.of("E14000901"), Alliance.standard()))
                .read("a constituency's results", e -> elections.constituency("E14000901"))
                .read("the hex map", e -> elections.hexMap())
                .read("what-if elections", e -> whatIf.elections())
                .find("what-if seat totals", e -> whatIf.whatIf(Optional.empty(), whatIf.defaultRates()), (e, totals) -> totals.isPresent())
                .read("what-if across elections", e -> whatIf.acrossElections())
                .read("what-if version", e -> whatIf.version())
                .read("what-if alliance", e -> whatIf.alliance())
                .change("register an account", e -> members.register(new Registration(TestMembers.uniqueEmail("Newcomer"), "Newcomer",
                        parties.findByCode("GRN").orElseThrow().id(), TestMembers.PASSWORD)))
                .change("ask for a password reset", e -> members.requestPasswordReset(ownAddressOr(cast.get(Who.AUTHOR).email())))
                .find("a guessed reset link works", e -> members.isResetLinkUsable("guessed-token-" + cast.tag), (e, usable) -> usable)
                .change("reset a password with a guessed token", e -> members.resetPassword("guessed-token-" + cast.tag, "another-long-passphrase-7"))
                .find("one's own address verified", e -> members.myEmailVerification(), (e, mine) -> mine.isPresent() && mine.get().verified())
                .change("send a verification link again", e -> members.resendVerificationLink())
                .change("verify an address with a guessed link", e -> members.verifyEmail("guessed-token-" + cast.tag))
                .quiet("unsubscribe with a forged link", e -> notifications.unsubscribe(cast.id(Who.AUTHOR), null, "forged"))
                .find("a forged unsubscribe link works", e -> notifications.checkUnsubscribeLink(cast.id(Who.AUTHOR), null, "forged"),
                        (e, verdict) -> verdict == UnsubscribeVerdict.GENUINE), """
                list parties                     | anyone              // the registration form lists them
                add a party                      | admin
                rename a party                   | admin
                import election results          | admin
                import the hex map               | admin
                // Election results are public figures: every member may analyse them; the table gives no more to an admin.
                elections                        | signed-in
                seat analysis                    | signed-in
                some seats' analysis             | signed-in
                a constituency's results         | signed-in
                the hex map                      | signed-in
                // "What if" seat totals are a public page: results are public figures and only published pacts count.
                what-if elections                | anyone
                what-if seat totals              | anyone
                what-if across elections         | anyone
                what-if version                  | anyone
                what-if alliance                 | anyone
                register an account              | anyone
                ask for a password reset         | anyone              // it says nothing either way, and mails only the owner
                a guessed reset link works       | nobody
                reset a password with a guessed token | nobody
                one's own address verified       | signed-in           // everyone in the cast has verified theirs
                send a verification link again   | nobody              // only to an unverified address (EmailVerificationTest)
                verify an address with a guessed link | nobody
                unsubscribe with a forged link   | nobody
                a forged unsubscribe link works  | nobody
                """);
    }

    /** The caller's own address (a visitor's: the author's), so that no one address gets more than the three reset mails an hour allowed. */
    private static String ownAddressOr(String visitors) {
        return SecurityContextHolder.getContext().getAuthentication() != null
                && SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof SignedInMember me ? me.email() : visitors;
    }

    /** The author's second factors: an authenticator app and a passkey (as Spring Security's tables hold one). */
    record Factors(String authorsPasskey) {
    }

    @Test
    void secondFactors() {
        matrix.check("second factors", () -> {
            cast.signIn(Who.AUTHOR);
            SecondFactorService.TotpEnrolment app = secondFactors.newAuthenticatorSecret();
            secondFactors.addAuthenticatorApp(app.secret(), currentCode(app), TestMembers.PASSWORD);
            String passkey = "matrix-credential-" + cast.tag;
            db.insertInto(USER_ENTITIES).set(USER_ENTITIES.ID, "matrix-user-" + cast.tag)
                    .set(USER_ENTITIES.NAME, cast.get(Who.AUTHOR).email()).execute();
            db.insertInto(USER_CREDENTIALS).set(USER_CREDENTIALS.CREDENTIAL_ID, passkey)
                    .set(USER_CREDENTIALS.USER_ENTITY_USER_ID, "matrix-user-" + cast.tag).set(USER_CREDENTIALS.PUBLIC_KEY, new byte[] {1})
                    .set(USER_CREDENTIALS.BACKUP_ELIGIBLE, false).set(USER_CREDENTIALS.BACKUP_STATE, false)
                    .set(USER_CREDENTIALS.LABEL, "Author's laptop").execute();
            return new Factors(passkey);
        }, new Matrix.Calls<Factors>()
                .read("one's own second factors", f -> secondFactors.mine())
                .read("a new authenticator secret", f -> secondFactors.newAuthenticatorSecret())
                .change("add an authenticator app", f -> {
                    SecondFactorService.TotpEnrolment app = secondFactors.newAuthenticatorSecret();
                    secondFactors.addAuthenticatorApp(app.secret(), currentCode(app), TestMembers.PASSWORD);
                })
                .change("add an authenticator app with a wrong code", f -> secondFactors.addAuthenticatorApp(
                        secondFactors.newAuthenticatorSecret().secret(), "000000", TestMembers.PASSWORD))
                .change("add an authenticator app without the password", f -> {
                    SecondFactorService.TotpEnrolment app = secondFactors.newAuthenticatorSecret();
                    secondFactors.addAuthenticatorApp(app.secret(), currentCode(app), "not-the-password");
                })
                .read("allow a passkey registration", f -> fromABrowser(() -> secondFactors.allowPasskeyRegistration(TestMembers.PASSWORD)))
                .read("allow a passkey registration without the password", f -> fromABrowser(
                        () -> secondFactors.allowPasskeyRegistration("not-the-password")))
                .change("remove one's authenticator app", f -> secondFactors.removeAuthenticatorApp(TestMembers.PASSWORD))
                .change("remove the author's passkey", f -> secondFactors.removePasskey(f.authorsPasskey(), TestMembers.PASSWORD))
                .change("replace one's recovery codes", f -> secondFactors.newRecoveryCodes(TestMembers.PASSWORD)), """
                one's own second factors                    | signed-in
                a new authenticator secret                  | signed-in
                add an authenticator app                    | signed-in
                add an authenticator app with a wrong code  | nobody
                add an authenticator app without the password | nobody
                allow a passkey registration                | signed-in
                allow a passkey registration without the password | nobody
                // The author has an app; the admin has one too, but it is their only factor, which an admin must keep.
                remove one's authenticator app              | author
                remove the author's passkey                 | author
                replace one's recovery codes                | author admin
                """);
    }

    /** As from the Security page: the permission to register a passkey is kept in the browser's session. */
    private static boolean fromABrowser(Runnable call) {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        try {
            call.run();
            return true;
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    private static String currentCode(SecondFactorService.TotpEnrolment app) {
        return Totp.code(Totp.fromBase32(app.secret()), Totp.step(java.time.Instant.now()));
    }
}
