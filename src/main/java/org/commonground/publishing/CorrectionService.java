package org.commonground.publishing;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.commonground.audit.AuditAction;
import org.commonground.audit.AuditLog;
import org.commonground.ballot.BallotDetails;
import org.commonground.ballot.BallotService;
import org.commonground.ballot.BallotSettings;
import org.commonground.ballot.CorrectionBallotClosed;
import org.commonground.ballot.PartyResult;
import org.commonground.jooq.tables.records.CorrectionRecord;
import org.commonground.pact.PactCorrectionDecided;
import org.commonground.pact.PactRatificationService;
import org.commonground.pact.PactService;
import org.commonground.pact.terms.PactTermsRules;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.text.LineNumbering;
import org.commonground.publishing.document.DocumentContent;
import org.commonground.security.CurrentMember;
import org.commonground.security.SignedInMember;
import org.commonground.shared.FieldProblem;
import org.commonground.shared.InvalidInputException;
import org.commonground.shared.Numbers;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrections of published documents. A change of agreed text is a new agreement: correcting a document that more
 * than one party agreed to asks them again (a ballot of the group under the rule that agreed the text, for a
 * proposal; every party ratifying the corrected conditions again, for a pact), and the correction is published only
 * then, with the new results and signatures. The old version is marked superseded only when its correction is
 * published. A document only one party agreed to is corrected at once by a convenor, as before.
 */
@Service
public class CorrectionService {

    public static final int MAX_REASON = 1000;

    private final PublishingService publishing;
    private final PublicationRepository publications;
    private final CorrectionRepository corrections;
    private final ProposalService proposals;
    private final PactService pacts;
    private final PactRatificationService ratification;
    private final BallotService ballots;
    private final CurrentMember currentMember;
    private final AuditLog audit;

    CorrectionService(PublishingService publishing, PublicationRepository publications, CorrectionRepository corrections, ProposalService proposals,
                      PactService pacts, PactRatificationService ratification, BallotService ballots, CurrentMember currentMember, AuditLog audit) {
        this.publishing = publishing;
        this.publications = publications;
        this.corrections = corrections;
        this.proposals = proposals;
        this.pacts = pacts;
        this.ratification = ratification;
        this.ballots = ballots;
        this.currentMember = currentMember;
        this.audit = audit;
    }

    /**
     * What became of a proposed correction: {@code published}, at once, or else {@code awaiting}, the page where the
     * parties now give or refuse their consent.
     */
    public record Outcome(Publication published, String awaiting) {
    }

    /** A convenor corrects the newest version of a published document, saying what it corrects and why. */
    @Transactional
    public Outcome correct(String slug, String correctedBody, String why) {
        SignedInMember me = currentMember.require();
        Publication old = publications.bySlug(slug).orElseThrow(() -> new InvalidInputException("slug", "There is no such published document."));
        boolean convenor = old.proposalId() != null ? proposals.details(old.proposalId()).convenor() : pacts.details(old.pactId()).convenor();
        if (!convenor) {
            throw new AccessDeniedException("Only a convenor of the group can correct a published document.");
        }
        // Corrections of one document are made one at a time; the checks after the lock see what the one before wrote.
        publications.lockDocument(old.proposalId(), old.pactId());
        Publication newest = publications.versionsOf(old.proposalId(), old.pactId()).getFirst();
        if (newest.id() != old.id()) {
            throw new InvalidInputException("body", "This version has already been corrected. Correct the newest version, " + newest.slug() + ".");
        }
        if (corrections.awaiting(old.proposalId(), old.pactId()).isPresent()) {
            throw new InvalidInputException("body", "A correction of this document is already waiting for the parties' consent: "
                    + "it is decided before another is proposed.");
        }
        String reason = why == null ? "" : why.strip();
        String body = correctedBody == null ? "" : correctedBody.replace("\r\n", "\n");
        DocumentContent content = publications.content(old.id());
        List<FieldProblem> problems = new ArrayList<>();
        if (reason.isEmpty() || reason.length() > MAX_REASON) {
            problems.add(new FieldProblem("reason", reason.isEmpty()
                    ? "Say what the correction corrects: readers of the old version will see it." : "A reason can be at most 1,000 characters."));
        }
        int limit = old.pactId() != null ? PactTermsRules.MAX_CONDITIONS : ProposalService.MAX_BODY;
        if (body.length() > limit) {
            problems.add(new FieldProblem("body", "A text can be at most " + Numbers.grouped(limit) + " characters."));
        } else if (LineNumbering.number(body, content.lineWidth()).equals(LineNumbering.number(content.body(), content.lineWidth()))) {
            problems.add(new FieldProblem("body", "The text is the same as the published one: change what needs correcting."));
        }
        InvalidInputException.throwIfAny(problems);

        List<String> agreeing = partiesThatAgreed(old);
        if (agreeing.size() <= 1) {
            OffsetDateTime now = OffsetDateTime.now();
            return new Outcome(publish(old, content.corrected(body, note(old, reason), correctedDates(content, "Corrected", now)), me, now), null);
        }
        long id = corrections.insert(old, body, reason, me.id());
        audit.record(me.id(), AuditAction.CORRECTION_PROPOSED, old.proposalId() != null ? "proposal" : "pact",
                old.proposalId() != null ? old.proposalId() : old.pactId(), "/p/" + old.slug() + ": " + reason);
        if (old.proposalId() != null) {
            BallotDetails agreed = publishing.decisiveBallot(old.proposalId())
                    .orElseThrow(() -> new InvalidInputException("body", "No ballot agreed this proposal, so there is no rule to agree its correction by."));
            long ballot = ballots.openOnCorrection(old.proposalId(), id,
                    new BallotSettings(agreed.rule(), agreed.secret(), agreed.overallQuorum(), agreed.partyQuorum(), null));
            // Every party that agreed the text must be there to agree its correction: none is agreed for by its absence.
            List<String> present = ballots.details(ballot).parties().stream().filter(p -> p.electorate() > 0).map(PartyResult::party).toList();
            List<String> absent = agreeing.stream().filter(party -> !present.contains(party)).toList();
            if (!absent.isEmpty()) {
                throw new InvalidInputException("body", String.join(", ", absent) + " agreed this text but " + (absent.size() == 1 ? "has" : "have")
                        + " no members here it has confirmed to agree a correction, so it cannot be corrected now.");
            }
            return new Outcome(null, "ballots/" + ballot);
        }
        ratification.startCorrectionRound(old.pactId(), id, body, reason);
        return new Outcome(null, "pacts/" + old.pactId());
    }

    /** The group's ballot on a proposal's correction closed: passed, the correction is published with its result. */
    @EventListener
    void correctionBallotClosed(CorrectionBallotClosed closed) {
        CorrectionRecord c = corrections.lock(closed.correctionId()).orElseThrow();
        String last = closed.explanation().lines().reduce((a, b) -> b).orElse("");
        Publication old = publications.byId(c.getPublicationId());
        BallotDetails ballot = ballots.details(closed.ballotId());
        // Whatever the rule, each party that agreed the text consents to the change by a majority of its own votes.
        List<String> withheld = partiesThatAgreed(old).stream().filter(party -> ballot.parties().stream()
                .noneMatch(p -> p.party().equals(party) && p.forVotes() > p.against())).toList();
        if (!closed.passed() || !withheld.isEmpty()) {
            corrections.refused(c.getId(), "Not agreed by ballot. " + (withheld.isEmpty() ? last
                    : String.join(", ", withheld) + " did not agree it by a majority of its own votes."));
            return;
        }
        OffsetDateTime now = OffsetDateTime.now();
        DocumentContent content = publications.content(old.id());
        DocumentContent corrected = content.corrected(c.getBody(), note(old, c.getReason()), correctedDates(content, "Correction agreed", now))
                .withResults(PublishingService.resultRows(ballot), ballot.explanation());
        corrections.published(c.getId(), publish(old, corrected, currentMember.require(), now).id(), "Agreed by ballot. " + last);
    }

    /** Every party ratified a pact's correction (published with their new signatures), or one rejected it. */
    @EventListener
    void pactCorrectionDecided(PactCorrectionDecided decided) {
        CorrectionRecord c = corrections.lock(decided.correctionId()).orElseThrow();
        if (!decided.agreed()) {
            corrections.refused(c.getId(), decided.outcome());
            return;
        }
        Publication old = publications.byId(c.getPublicationId());
        OffsetDateTime now = OffsetDateTime.now();
        DocumentContent content = publications.content(old.id());
        DocumentContent ratifiedAgain = publishing.pactContent(pacts.details(decided.pactId()), correctedDates(content, "Correction ratified", now), false);
        DocumentContent corrected = ratifiedAgain.corrected(ratifiedAgain.body(), note(old, c.getReason()), ratifiedAgain.dates());
        corrections.published(c.getId(), publish(old, corrected, currentMember.require(), now).id(), decided.outcome());
    }

    /**
     * The parties whose agreement the document records, as first published: a correction needs them all again, and
     * a correction that somehow recorded fewer cannot lower the bar for the next one.
     */
    private List<String> partiesThatAgreed(Publication any) {
        DocumentContent first = publications.content(publications.versionsOf(any.proposalId(), any.pactId()).getLast().id());
        return any.pactId() != null ? first.signatures().stream().map(DocumentContent.Signature::party).toList()
                : first.results().stream().map(DocumentContent.ResultRow::party).toList();
    }

    private Publication publish(Publication old, DocumentContent corrected, SignedInMember me, OffsetDateTime now) {
        String firstSlug = publications.versionsOf(old.proposalId(), old.pactId()).getLast().slug();
        return publishing.store(corrected, old.proposalId(), old.pactId(), old, publishing.uniqueSlug(firstSlug + "-v" + (old.version() + 1)), me, now);
    }

    private static String note(Publication old, String reason) {
        return "Version " + old.version() + " (published " + PublishingService.date(old.publishedAt()) + ") corrected: " + reason;
    }

    private static String correctedDates(DocumentContent content, String what, OffsetDateTime now) {
        return content.dates().replaceAll(" · Correct[^·]*$", "") + " · " + what + " " + PublishingService.date(now);
    }
}
