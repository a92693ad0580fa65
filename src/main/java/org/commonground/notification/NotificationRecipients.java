package org.commonground.notification;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonground.audit.AuditAction;
import org.commonground.audit.AuditRecorded;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;

/**
 * Who hears of an audited change, decided after it commits ({@link NoticesAfterCommit}): a reply to your comment, an @mention,
 * an amendment or state change on a proposal you author or watch, a ballot opening or closing that you vote in, a
 * pact awaiting your party's ratification. Every recipient is checked in SQL against what they may read: a caucus
 * comment never reaches another party's member, a draft nobody but its authors and convenors.
 */
@Component
class NotificationRecipients {

    private static final String PACT = "pact";
    private static final Pattern COMMENT_ID = Pattern.compile("^comment (\\d+)");
    private static final Pattern AMENDMENT_ID = Pattern.compile("^amendment (\\d+)");
    private static final Pattern COMPROMISE_ID = Pattern.compile("^compromise (\\d+)");

    /**
     * The members m who may read proposal p (its id the first parameter), by the one rule: V24's view, as search
     * reads it. A join rather than EXISTS, so the planner reads the group's members by index instead of asking the
     * view once for every member.
     */
    private static final String READERS_OF_PROPOSAL = "member m join proposal p on p.id = ? join proposal_reader r on r.proposal_id = p.id and r.member_id = m.id";
    /** Member m may read pact k: V32's {@code pact_reader} view, the rule PactGuard and search ask too. */
    private static final String READS_PACT = """
            exists (select 1 from pact_reader pr where pr.pact_id = k.id and pr.member_id = m.id)""";
    private static final Pattern GROUP_ID = Pattern.compile("^group (\\d+)");
    /**
     * Member m is in a group that ratifies pact k (its home group or one that joined): a local group that only reads
     * an alliance's pact (V36) is not asked to ratify it, nor reminded.
     */
    private static final String RATIFIES_PACT = """
            exists (select 1 from pact_part pp join group_membership gm on gm.group_id = pp.group_id and gm.status = 'ACTIVE'
                    where pp.pact_id = k.id and pp.part in ('HOME', 'JOINED') and gm.member_id = m.id)""";

    private final DSLContext db;
    private final Notifier notifier;

    NotificationRecipients(DSLContext db, Notifier notifier) {
        this.db = db;
        this.notifier = notifier;
    }

    /** Writes the notices of one audited change, in the caller's transaction. */
    void tell(AuditRecorded e) {
        if (e.subjectId() != null) {
            noticeOf(e.action()).tell(this, e, e.actorId() == null ? 0 : e.actorId());
        }
    }

    /** Who hears of one audited change, and what they are told. */
    @FunctionalInterface
    interface Notice {
        void tell(NotificationRecipients recipients, AuditRecorded e, long actor);
    }

    /** Recorded for the activity lists and the group's record, not worth anyone's attention. */
    static final Notice NOBODY = (r, e, actor) -> {
    };

    /**
     * Every action, placed: exhaustive and without a default, so a new action does not compile until someone says
     * whether, and whom, it notifies.
     */
    static Notice noticeOf(AuditAction action) {
        return switch (action) {
            case COMMENT_POSTED -> NotificationRecipients::commentPosted;
            case AMENDMENT_PROPOSED -> (r, e, actor) -> r.toFollowersOfProposal(e.subjectId(), actor, "AMENDMENT",
                    r.name(actor) + " proposed an amendment to %s");
            case COMPROMISE_PROPOSED -> NotificationRecipients::compromiseProposed;
            case COMPROMISE_ACCEPTED -> (r, e, actor) -> r.compromiseAnswered(e, actor, "accepted");
            case COMPROMISE_DECLINED -> (r, e, actor) -> r.compromiseAnswered(e, actor, "kept theirs instead of");
            case AMENDMENT_ACCEPTED -> (r, e, actor) -> r.amendmentDecided(e, actor, "accepted");
            case AMENDMENT_REJECTED -> (r, e, actor) -> r.amendmentDecided(e, actor, "rejected");
            case PROPOSAL_DISCUSSION -> proposalState("%s is open for discussion");
            case PROPOSAL_VOTING -> proposalState("%s has moved to voting");
            case PROPOSAL_RETURNED_TO_DISCUSSION -> proposalState("%s was not agreed and is back in discussion for a redraft");
            case PROPOSAL_WITHDRAWN -> proposalState("%s was withdrawn");
            case PUBLISHED -> (r, e, actor) -> {
                if (PACT.equals(e.subjectType())) {
                    r.toWatchersOfPact(e.subjectId(), actor, "was published");
                } else {
                    r.toFollowersOfProposal(e.subjectId(), actor, "STATE", "%s was published");
                }
            };
            case PACT_RATIFYING -> (r, e, actor) -> r.ratificationAwaited(e.subjectId(), actor);
            case PACT_RATIFICATION_REMINDED -> (r, e, actor) -> r.ratificationReminder(e.subjectId(), e.detail());
            case PACT_NEGOTIATING -> pactState("is open for negotiation");
            case PACT_AMENDMENT_PROPOSED -> pactState("has a new amendment");
            case PACT_AMENDMENT_ACCEPTED -> pactState("has new terms");
            case PACT_RATIFIED -> pactState("was ratified by every party");
            case PACT_COLLAPSED -> pactState("collapsed");
            case PACT_GROUP_INVITED -> NotificationRecipients::pactInvitation;
            case PACT_GROUP_JOINED -> pactState("was joined by another group");
            case PACT_GROUP_LEFT -> pactState("was left by one of its groups");
            case PACT_GROUP_DECLINED -> NOBODY;
            case PACT_GROUP_READER_INVITED -> NotificationRecipients::pactInvitation;
            case PACT_GROUP_READING -> pactState("is read by another local group");
            // The pact's convenors see it among its groups; a group that no longer reads it hears nothing more of it.
            case PACT_GROUP_READER_DECLINED, PACT_GROUP_STOPPED_READING, PACT_GROUP_READER_WITHDRAWN -> NOBODY;
            case BALLOT_OPENED, BALLOT_CLOSED, BALLOT_CANCELLED -> (r, e, actor) -> r.ballot(e.subjectId(), actor, e.action(), e.detail());
            case UNITY_BALLOT_OPENED, UNITY_CANDIDATE_WITHDRAWN, UNITY_BALLOT_CLOSED -> NotificationRecipients::unityBallot;
            case MEMBER_REGISTERED, MEMBER_REGISTERED_AS_FIRST_ADMIN, ADMIN_CREATED_BY_CONFIGURATION, ADMIN_GRANTED_BY_CONFIGURATION,
                 EMAIL_VERIFICATION_SENT, EMAIL_VERIFIED, PASSWORD_RESET_REQUESTED, PASSWORD_RESET, REGISTRATION_WITH_TAKEN_ADDRESS,
                 RECOVERY_CODES_REPLACED, SIGNED_IN_WITH_AUTHENTICATOR_CODE, SIGNED_IN_WITH_RECOVERY_CODE, SECOND_STEP_FAILED, SECOND_FACTOR_ADDED, SECOND_FACTOR_REMOVED,
                 PARTY_CREATED, PARTY_UPDATED, PARTY_CONFIRMED, PARTY_CONFIRMATION_REVOKED, PARTY_ORGANISER_APPOINTED, PARTY_ORGANISER_REMOVED,
                 GROUP_CREATED, GROUP_LINE_WIDTH, GROUP_EXPORTED, JOIN_REQUESTED, JOIN_REQUEST_WITHDRAWN, JOIN_APPROVED, JOIN_REFUSED,
                 CONVENOR_PROMOTED, MEMBER_INVITED, INVITATION_ACCEPTED, INVITATION_DECLINED, MEMBER_LEFT, MEMBER_REMOVED,
                 DELEGATE_APPOINTED, DELEGATE_REMOVED,
                 PROPOSAL_CREATED, PROPOSAL_REVISED, PROPOSAL_COAUTHOR_ADDED, AMENDMENT_WITHDRAWN,
                 // The final vote's close already tells the proposal's electors, authors and watchers.
                 AMENDMENTS_LAPSED,
                 VOTING_LIST_ORDERED,
                 COMMENT_EDITED, COMMENT_DELETED,
                 PACT_STARTED, PACT_REVISED, PACT_AMENDMENT_REJECTED, PACT_AMENDMENT_WITHDRAWN, PACT_RATIFICATION_PLANNED,
                 PACT_RATIFIED_BY_PARTY, PACT_REJECTED_BY_PARTY,
                 // Its parties hear of the deadline when ratification opens, and are reminded as it nears.
                 PACT_DEADLINE_SET,
                 // The winner's amendment is told as any pact amendment is (PACT_AMENDMENT_PROPOSED).
                 UNITY_MARKS_CAST, UNITY_MARKS_CHANGED, UNITY_WINNER_PROPOSED,
                 VOTE_CAST, VOTE_CHANGED, PUBLISHED_CORRECTION, CORRECTION_PROPOSED, ELECTION_IMPORTED, HEX_MAP_IMPORTED,
                 PUBLIC_ELECTION_CHOSEN -> NOBODY;
        };
    }

    private static Notice proposalState(String text) {
        return (r, e, actor) -> r.toFollowersOfProposal(e.subjectId(), actor, "STATE", text);
    }

    private static Notice pactState(String what) {
        return (r, e, actor) -> r.toWatchersOfPact(e.subjectId(), actor, what);
    }

    private void commentPosted(AuditRecorded e, long actor) {
        Matcher id = COMMENT_ID.matcher(e.detail());
        if (!id.find()) {
            return;
        }
        Record c = db.fetchOne("""
                select c.id, c.parent_id, c.proposal_id, c.pact_id, c.visibility, c.author_party_id, c.body,
                       (select author_id from comment parent where parent.id = c.parent_id) as parent_author
                from comment c where c.id = ? and c.deleted_at is null""", Long.parseLong(id.group(1)));
        if (c == null) {
            // Deleted before its fan-out: its words are gone, and so is the news.
            return;
        }
        boolean onProposal = c.get("proposal_id") != null;
        long subject = onProposal ? c.get("proposal_id", Long.class) : c.get("pact_id", Long.class);
        String title = quoted(onProposal ? proposalTitle(subject) : pactTitle(subject));
        String link = (onProposal ? "proposals/" : "pacts/") + subject;
        // Readers of the subject, and for a caucus comment only those the author's party has confirmed (CurrentMember.caucusPartyOf).
        String readers = (onProposal ? "select m.id from " + READERS_OF_PROPOSAL + " where"
                : "select m.id from member m join pact k on k.id = ? where " + READS_PACT + " and")
                + " (? = 'SHARED' or (m.party_id = ? and (m.party_confirmed_at is not null"
                + " or m.party_id = (select id from party where code = 'NONE'))))";
        Object[] readerArgs = {subject, c.get("visibility", String.class), c.get("author_party_id", Long.class)};

        Set<Long> replied = new LinkedHashSet<>();
        Long parentAuthor = c.get("parent_author", Long.class);
        if (parentAuthor != null) {
            replied.addAll(db.fetch(readers + " and m.id = ?", append(readerArgs, parentAuthor)).getValues(0, Long.class));
            notifier.send(replied, actor, "REPLY", name(actor) + " replied to your comment on " + title, link);
        }
        String body = c.get("body", String.class);
        if (body.contains("@")) {
            List<Long> mentioned = new ArrayList<>(db.fetch(readers + " and position('@' || lower(m.display_name) in lower(?)) > 0",
                    append(readerArgs, body)).getValues(0, Long.class));
            mentioned.removeAll(replied);
            notifier.send(mentioned, actor, "MENTION", name(actor) + " mentioned you in a comment on " + title, link);
        }
    }

    /** The authors of a proposal and the members watching it, who may read it. */
    private void toFollowersOfProposal(long proposalId, long actor, String kind, String text) {
        toFollowersOfProposal(proposalId, 0, actor, kind, text);
    }

    /** Its authors and watchers, and {@code alsoMemberId} (0 for nobody), each only if they may read it. */
    private void toFollowersOfProposal(long proposalId, long alsoMemberId, long actor, String kind, String text) {
        List<Long> followers = db.fetch("select m.id from " + READERS_OF_PROPOSAL + " where m.id = ? or " +
                "exists (select 1 from proposal_author pa where pa.proposal_id = p.id and pa.member_id = m.id) or " +
                "exists (select 1 from watch w where w.subject_type = 'proposal' and w.subject_id = p.id and w.member_id = m.id)",
                proposalId, alsoMemberId).getValues(0, Long.class);
        notifier.send(followers, actor, kind, text.formatted(quoted(proposalTitle(proposalId))), "proposals/" + proposalId);
    }

    /** An amendment accepted or rejected: its proposer hears of it too, not only the proposal's followers. */
    private void amendmentDecided(AuditRecorded e, long actor, String decision) {
        Matcher id = AMENDMENT_ID.matcher(e.detail() == null ? "" : e.detail());
        Record amendment = id.find() ? db.fetchOne("select number, proposer_id from amendment where id = ?", Long.parseLong(id.group(1))) : null;
        long proposer = amendment == null ? 0 : amendment.get("proposer_id", Long.class);
        String which = amendment == null ? "An amendment" : "Amendment A" + amendment.get("number", Integer.class);
        toFollowersOfProposal(e.subjectId(), proposer, actor, "AMENDMENT", which + " to %s was " + decision);
    }

    /**
     * A compromise: the proposal's followers hear of it, and the proposer of each amendment it would replace is asked
     * to answer (who may read the proposal).
     */
    private void compromiseProposed(AuditRecorded e, long actor) {
        toFollowersOfProposal(e.subjectId(), actor, "AMENDMENT", name(actor) + " proposed a compromise on %s");
        Matcher id = AMENDMENT_ID.matcher(e.detail());
        if (!id.find()) {
            return;
        }
        List<Long> asked = db.fetch("select m.id from " + READERS_OF_PROPOSAL + " where m.id in (select a.proposer_id from compromise_offer o"
                + " join amendment a on a.id = o.amendment_id where o.compromise_id = ?)", e.subjectId(), Long.parseLong(id.group(1)))
                .getValues(0, Long.class);
        Record number = db.fetchOne("select number from amendment where id = ?", Long.parseLong(id.group(1)));
        notifier.send(asked, actor, "AMENDMENT", name(actor) + " offers compromise A" + (number == null ? "" : number.get(0))
                + " in place of your amendment to " + quoted(proposalTitle(e.subjectId())) + ": accept it, or keep yours for the vote",
                "proposals/" + e.subjectId());
    }

    /** A proposer answered a compromise: its own proposer hears how. */
    private void compromiseAnswered(AuditRecorded e, long actor, String how) {
        Matcher id = COMPROMISE_ID.matcher(e.detail());
        Record compromise = id.find() ? db.fetchOne("select number, proposer_id from amendment where id = ?", Long.parseLong(id.group(1))) : null;
        if (compromise == null) {
            return;
        }
        List<Long> proposer = db.fetch("select m.id from " + READERS_OF_PROPOSAL + " where m.id = ?", e.subjectId(),
                compromise.get("proposer_id", Long.class)).getValues(0, Long.class);
        notifier.send(proposer, actor, "AMENDMENT", name(actor) + " " + how + " compromise A" + compromise.get("number", Integer.class)
                + " on " + quoted(proposalTitle(e.subjectId())), "proposals/" + e.subjectId());
    }

    private void toWatchersOfPact(long pactId, long actor, String what) {
        List<Long> watchers = db.fetch("select m.id from member m join pact k on k.id = ? where exists (select 1 from watch w where "
                + "w.subject_type = 'pact' and w.subject_id = k.id and w.member_id = m.id) and " + READS_PACT, pactId).getValues(0, Long.class);
        notifier.send(watchers, actor, "STATE", quoted(pactTitle(pactId)) + " " + what, "pacts/" + pactId);
    }

    /** A group is asked to join a pact, or to read one: its convenors, who answer (and, invited, may read it). */
    private void pactInvitation(AuditRecorded e, long actor) {
        Matcher group = GROUP_ID.matcher(e.detail());
        if (!group.find()) {
            return;
        }
        List<Long> convenors = db.fetch("select m.id from member m join pact k on k.id = ? where " + READS_PACT + " and exists (select 1 from "
                + "group_membership gm where gm.group_id = ? and gm.member_id = m.id and gm.role = 'CONVENOR' and gm.status = 'ACTIVE')",
                e.subjectId(), Long.parseLong(group.group(1))).getValues(0, Long.class);
        String asked = e.action() == AuditAction.PACT_GROUP_READER_INVITED ? "Your group is asked to read and comment on the pact "
                : "Your group is asked to join the pact ";
        notifier.send(convenors, actor, "STATE", asked + quoted(pactTitle(e.subjectId())), "pacts/" + e.subjectId());
    }

    /**
     * A unity-candidate ballot opened, lost a candidate or closed: its electors who still read the pact hear of it, so
     * that a member who ranked a candidate who withdrew knows their ranking now counts for their next choice.
     */
    private void unityBallot(AuditRecorded e, long actor) {
        Record b = db.fetchOne("select pact_id, constituency from unity_ballot where id = ?", e.subjectId());
        if (b == null) {
            return;
        }
        long pactId = b.get("pact_id", Long.class);
        List<Long> electors = db.fetch("select m.id from member m join pact k on k.id = ? where exists (select 1 from unity_elector u "
                + "where u.ballot_id = ? and u.member_id = m.id) and " + READS_PACT, pactId, e.subjectId()).getValues(0, Long.class);
        String ballot = "the unity-candidate ballot for " + b.get("constituency", String.class) + " in " + quoted(pactTitle(pactId));
        String text = switch (e.action()) {
            case UNITY_BALLOT_OPENED -> "Voting opened in " + ballot;
            case UNITY_CANDIDATE_WITHDRAWN -> e.detail() + " withdrew from " + ballot + ": a ranking of them counts for the next choice on it";
            case UNITY_BALLOT_CLOSED -> "The count of " + ballot + " is in: " + e.detail();
            default -> throw new IllegalArgumentException(e.action() + " is not a unity ballot's opening, withdrawal or close");
        };
        notifier.send(electors, actor, "BALLOT", text, "unity/" + e.subjectId());
    }


    /** Each party asked to ratify: its members who may read the pact. */
    private void ratificationAwaited(long pactId, long actor) {
        for (Record party : db.fetch("""
                select distinct r.party_id, y.code from pact_ratification r join pact k on k.id = r.pact_id join party y on y.id = r.party_id
                where r.pact_id = ? and r.round = k.round""", pactId)) {
            List<Long> members = db.fetch("select m.id from member m join pact k on k.id = ? where m.party_id = ? and " + READS_PACT
                            + " and " + RATIFIES_PACT,
                    pactId, party.get("party_id", Long.class)).getValues(0, Long.class);
            notifier.send(members, actor, "RATIFICATION", quoted(pactTitle(pactId)) + " awaits " + party.get("code", String.class) + "'s ratification",
                    "pacts/" + pactId);
        }
    }

    /** A party yet to ratify as the deadline nears ({@code partyCode}, the audit entry's detail): its members who read the pact. */
    private void ratificationReminder(long pactId, String partyCode) {
        List<Long> members = db.fetch("select m.id from member m join pact k on k.id = ? join party y on y.id = m.party_id and y.code = ? where "
                + READS_PACT + " and " + RATIFIES_PACT, pactId, partyCode).getValues(0, Long.class);
        Object ratifyBy = db.fetchValue("select ratify_by from pact where id = ?", pactId);
        notifier.send(members, 0, "RATIFICATION", "Reminder: " + quoted(pactTitle(pactId)) + " awaits " + partyCode + "'s ratification by "
                + org.commonground.shared.Dates.dayAndTime((java.time.OffsetDateTime) ratifyBy), "pacts/" + pactId);
    }

    /**
     * The ballot's electors, and for a proposal also its authors and watchers, who may read it now: an elector who
     * has left the group since the ballot opened hears no more of it.
     */
    private void ballot(long ballotId, long actor, AuditAction action, String detail) {
        Record b = db.fetchOne("select proposal_id, pact_id, amendment_id, group_id from ballot where id = ?", ballotId);
        if (b == null) {
            return;
        }
        String elector = "exists (select 1 from ballot_elector e where e.ballot_id = ? and e.member_id = m.id)";
        List<Long> recipients;
        String subject;
        if (b.get("proposal_id") != null) {
            long proposalId = b.get("proposal_id", Long.class);
            recipients = db.fetch("select m.id from " + READERS_OF_PROPOSAL + " where " + elector + " or " +
                    "exists (select 1 from proposal_author pa where pa.proposal_id = p.id and pa.member_id = m.id) or " +
                    "exists (select 1 from watch w where w.subject_type = 'proposal' and w.subject_id = p.id and w.member_id = m.id)",
                    proposalId, ballotId).getValues(0, Long.class);
            subject = (b.get("amendment_id") == null ? "the text of " : "an amendment to ") + quoted(proposalTitle(proposalId));
        } else if (b.get("group_id") != null) {
            // A party's election of a delegate: its electors still in the group.
            recipients = db.fetch("select m.id from member m join ballot b on b.id = ? where " + elector + " and exists (select 1 from "
                    + "group_membership g where g.group_id = b.group_id and g.member_id = m.id and g.status = 'ACTIVE')", ballotId, ballotId)
                    .getValues(0, Long.class);
            subject = "the election of a delegate";
        } else {
            long pactId = b.get("pact_id", Long.class);
            recipients = db.fetch("select m.id from member m join pact k on k.id = ? where " + elector + " and " + READS_PACT, pactId, ballotId)
                    .getValues(0, Long.class);
            subject = "a ratification of " + quoted(pactTitle(pactId));
        }
        String text = switch (action) {
            case BALLOT_OPENED -> "A ballot opened on " + subject;
            // Voting stopped without a decision: the detail says why (the proposal was withdrawn, the pact rejected).
            case BALLOT_CANCELLED -> "The ballot on " + subject + " was cancelled: " + detail;
            case BALLOT_CLOSED -> "The ballot on " + subject + " closed: " + (detail.startsWith("passed") ? "passed" : "failed");
            default -> throw new IllegalArgumentException(action + " is not a ballot's opening or closing");
        };
        notifier.send(recipients, actor, "BALLOT", text, "ballots/" + ballotId);
    }

    private String proposalTitle(long id) {
        return db.fetchValue("select title from proposal where id = ?", id).toString();
    }

    private String pactTitle(long id) {
        return db.fetchValue("select title from pact where id = ?", id).toString();
    }

    private String name(long memberId) {
        Object name = db.fetchValue("select display_name from member where id = ?", memberId);
        return name == null ? "Someone" : name.toString();
    }

    private static String quoted(String title) {
        return "\u201c" + title + "\u201d";
    }

    private static Object[] append(Object[] args, Object last) {
        Object[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = last;
        return all;
    }
}
