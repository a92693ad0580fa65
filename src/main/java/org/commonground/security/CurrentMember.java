package org.commonground.security;

import static org.commonground.jooq.Tables.MEMBER;
import static org.commonground.jooq.Tables.PARTY;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

import org.commonground.database.RenderedQuery;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is calling a service. Services ask this themselves rather than trusting an id passed in by a view. */
@Component
public class CurrentMember {

    private final DSLContext db;
    private final SecondFactorRepository secondFactors;

    /** Asked at every comment, vote and page of party-only content: rendered once (see RenderedQuery). */
    private final RenderedQuery verified;
    private final RenderedQuery countsForParty;

    public CurrentMember(DSLContext db, SecondFactorRepository secondFactors) {
        this.db = db;
        this.secondFactors = secondFactors;
        this.verified = new RenderedQuery(db, db.selectOne().from(MEMBER)
                .where(MEMBER.ID.eq(DSL.param("memberId", Long.class))).and(MEMBER.EMAIL_VERIFIED_AT.isNotNull()));
        this.countsForParty = new RenderedQuery(db, db.selectOne().from(MEMBER)
                .where(MEMBER.ID.eq(DSL.param("memberId", Long.class))).and(MEMBER.PARTY_ID.eq(DSL.param("partyId", Long.class)))
                .and(COUNTS_FOR_PARTY));
    }

    public Optional<SignedInMember> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof SignedInMember member) {
            return Optional.of(member);
        }
        return Optional.empty();
    }

    public SignedInMember require() {
        return get().orElseThrow(() -> new AccessDeniedException("Please sign in first."));
    }

    /**
     * The caller, once they have verified their address by the emailed link: needed to join a group, accept an
     * invitation, comment, vote or sign. Read from the database, not the session, since the link may have been
     * followed in another browser since sign-in.
     */
    public SignedInMember requireVerified() {
        SignedInMember member = require();
        if (!hasVerifiedEmail(member.id())) {
            throw new AccessDeniedException(UNVERIFIED);
        }
        return member;
    }

    public boolean hasVerifiedEmail(long memberId) {
        return verified.fetch(db, Map.of("memberId", memberId)).isNotEmpty();
    }

    /** Stands for "no party" where a party id is expected: matches no party's party-only content. */
    public static final long NO_PARTY = -1;

    /**
     * The party whose party-only (caucus) content the member may read and write: their own once the party has
     * confirmed them (non-party members have nobody to confirm them), and until then none, so that an account
     * merely claiming a party learns nothing of that party's own discussions.
     */
    public long caucusPartyOf(SignedInMember member) {
        boolean counts = countsForParty.fetch(db, Map.of("memberId", member.id(), "partyId", member.partyId())).isNotEmpty();
        return counts ? member.partyId() : NO_PARTY;
    }

    /**
     * The one rule for whether a member (a row of MEMBER) counts for their party: the party has confirmed them, or
     * they are non-party, which nobody confirms. Ballots, pacts, caucus comments and member lists all use it; the
     * two statements written as SQL text (casting a vote, choosing who hears of a caucus comment) say the same.
     */
    public static final Condition COUNTS_FOR_PARTY = MEMBER.PARTY_CONFIRMED_AT.isNotNull()
            .or(MEMBER.PARTY_ID.eq(DSL.select(PARTY.ID).from(PARTY).where(PARTY.CODE.eq(DSL.inline("NONE"))).asField()));

    /** What a member who has not verified their address is told when they try to take part. */
    public static final String UNVERIFIED = "Verify your email address first: open the link we emailed you "
            + "(the page you see after signing in sends a new one).";

    /** Whether a failed write was the database refusing a member whose address is not verified (V15). */
    public static boolean isUnverifiedRefusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "CG001".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    public SignedInMember requireAdmin() {
        SignedInMember member = require();
        if (!member.admin()) {
            throw new AccessDeniedException("Only an administrator may do that.");
        }
        if (mustAddSecondFactor(member) && !onTheCommandLine()) {
            throw new AccessDeniedException(ADMIN_NEEDS_SECOND_FACTOR);
        }
        return member;
    }

    /**
     * Acts as {@code admin} in a command run on the server itself: whoever runs it already holds the machine, so a
     * second factor, which guards sign-ins over the web, adds nothing there. No web sign-in sets this mark.
     */
    public static void actOnTheCommandLine(SignedInMember admin) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities());
        token.setDetails(COMMAND_LINE);
        SecurityContextHolder.getContext().setAuthentication(token);
    }

    private static final Object COMMAND_LINE = new Object();

    private static boolean onTheCommandLine() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getDetails() == COMMAND_LINE;
    }

    /** What an admin without a second factor is told when they try to do an admin's work. */
    public static final String ADMIN_NEEDS_SECOND_FACTOR = "Administrators must protect their account with a second factor: "
            + "add an authenticator app or a passkey on the Security page first.";

    /**
     * Whether the member is an admin with no second factor (issue 17): they may do nothing else until they add one,
     * since an admin account taken over with a guessed or leaked password could change everyone's results.
     */
    public boolean mustAddSecondFactor(SignedInMember member) {
        return member.admin() && !secondFactors.hasAny(member.id());
    }
}
