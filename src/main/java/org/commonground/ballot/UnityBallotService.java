package org.commonground.ballot;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.commonground.audit.AuditAction;
import org.commonground.audit.AuditLog;
import org.commonground.ballot.rules.ranked.ApprovalBallot;
import org.commonground.ballot.rules.ranked.ApprovalCount;
import org.commonground.ballot.rules.ranked.ApprovalRules;
import org.commonground.ballot.rules.ranked.BallotProblem;
import org.commonground.ballot.rules.ranked.Candidate;
import org.commonground.ballot.rules.ranked.Contest;
import org.commonground.ballot.rules.ranked.RankedBallot;
import org.commonground.ballot.rules.ranked.RankedChoiceRules;
import org.commonground.ballot.rules.ranked.RankedCount;
import org.commonground.ballot.rules.ranked.TieBreakRule;
import org.commonground.jooq.tables.records.UnityBallotRecord;
import org.commonground.security.CurrentMember;
import org.commonground.security.SignedInMember;
import org.commonground.shared.FieldProblem;
import org.commonground.shared.InvalidInputException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unity-candidate ballots: a pact's group chooses a seat's alliance candidate among named people, by instant run-off
 * or approval voting. A convenor of the pact's group opens one (rule and tie-break stated then, fixed after), may
 * withdraw a candidate while it is open and closes it; its electorate (the group's members at opening whose party
 * counts them) marks and re-marks until the close; the count is made by the pure {@code ballot.rules.ranked} core. A
 * convenor then writes the winner into the terms as a pact amendment. Every method checks the caller's rights itself.
 */
@Service
public class UnityBallotService {

    public static final int MAX_CANDIDATES = 20;
    /** As the pact's terms allow for a named candidate ({@code pact.terms.Candidate.MAX_NAME}), since the winner goes there. */
    public static final int MAX_NAME = 100;

    private final UnityBallotRepository ballots;
    private final BallotRepository ordinaryBallots;
    private final UnityPacts pacts;
    private final CurrentMember currentMember;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom seeds = new SecureRandom();

    UnityBallotService(UnityBallotRepository ballots, BallotRepository ordinaryBallots, UnityPacts pacts, CurrentMember currentMember,
                       AuditLog audit, Clock clock) {
        this.ballots = ballots;
        this.ordinaryBallots = ordinaryBallots;
        this.pacts = pacts;
        this.currentMember = currentMember;
        this.audit = audit;
        this.clock = clock;
    }

    /** A convenor of the pact's group opens a ballot on one of its seats, while the pact is in draft or negotiation. */
    @Transactional
    public long open(long pactId, String onsCode, UnityBallotSettings settings) {
        SignedInMember me = currentMember.requireVerified();
        UnityPacts.Pact pact = pacts.find(pactId, me, true);
        if (!pact.convenor()) {
            throw new AccessDeniedException("Only a convenor of the group opens a unity-candidate ballot.");
        }
        if (!pact.negotiable()) {
            throw new InvalidInputException("pact", "A seat's unity candidate is chosen while the pact is in draft or negotiation.");
        }
        String constituency = pact.seats().get(onsCode);
        if (constituency == null) {
            throw new InvalidInputException("seat", "That constituency is not one of this pact's seats.");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (settings.method() == null) {
            problems.add(new FieldProblem("method", "Choose how the ballot is marked: ranked choice or approval."));
        }
        if (settings.tieBreak() == null) {
            problems.add(new FieldProblem("tieBreak", "Choose how a tie is settled, before anyone votes."));
        }
        List<NewCandidate> candidates = candidates(settings.candidates(), problems);
        if (settings.closesAt() != null && !settings.closesAt().isAfter(now().plusMinutes(1))) {
            problems.add(new FieldProblem("closesAt", "Choose a closing time in the future, or leave it empty to close the ballot by hand."));
        }
        Map<String, Long> partyIds = new LinkedHashMap<>();
        for (NewCandidate c : candidates) {
            if (c.partyCode() != null && !partyIds.containsKey(c.partyCode())) {
                Optional<Long> id = ballots.partyId(c.partyCode());
                if (id.isEmpty()) {
                    problems.add(new FieldProblem("candidates", "There is no party " + c.partyCode() + " (for " + c.name() + ")."));
                } else {
                    partyIds.put(c.partyCode(), id.get());
                }
            }
        }
        InvalidInputException.throwIfAny(problems);
        long id;
        try {
            id = ballots.insert(pactId, pact.groupId(), onsCode, constituency, settings, seeds.nextLong(), me.id());
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("seat", "A unity-candidate ballot for " + constituency + " is already open.");
        }
        for (int i = 0; i < candidates.size(); i++) {
            NewCandidate c = candidates.get(i);
            ballots.insertCandidate(id, i + 1, c.name(), c.partyCode() == null ? null : partyIds.get(c.partyCode()));
        }
        int electors = ballots.fixElectorate(id, pact.groupIds());
        audit.record(me.id(), AuditAction.UNITY_BALLOT_OPENED, "unity_ballot", id, "pact " + pactId + ", " + constituency + ", "
                + settings.method() + ", tie-break " + settings.tieBreak() + ", " + candidates.size() + " candidates, " + electors + " electors");
        return id;
    }

    /** The candidates as typed, trimmed, blank rows left out; at least two, none named twice. */
    private static List<NewCandidate> candidates(List<NewCandidate> typed, List<FieldProblem> problems) {
        List<NewCandidate> candidates = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (NewCandidate c : typed) {
            String name = c == null || c.name() == null ? "" : c.name().strip().replaceAll("\\s+", " ");
            String party = c == null || c.partyCode() == null || c.partyCode().isBlank() || c.partyCode().strip().equals(RankedBallot.NON_PARTY)
                    ? null : c.partyCode().strip();
            if (name.isEmpty()) {
                if (party != null) {
                    problems.add(new FieldProblem("candidates", "Give the name of the " + party + " candidate, or clear that row."));
                }
                continue;
            }
            if (name.length() > MAX_NAME) {
                problems.add(new FieldProblem("candidates", "A candidate's name can be at most " + MAX_NAME + " characters."));
            } else if (!names.add(name.toLowerCase(Locale.ROOT))) {
                problems.add(new FieldProblem("candidates", name + " is named twice: list each candidate once."));
            }
            candidates.add(new NewCandidate(name, party));
        }
        if (candidates.size() < 2) {
            problems.add(new FieldProblem("candidates", "Name at least two candidates: a ballot with one is no choice."));
        }
        if (candidates.size() > MAX_CANDIDATES) {
            problems.add(new FieldProblem("candidates", "A ballot can list at most " + MAX_CANDIDATES + " candidates."));
        }
        return candidates;
    }

    /**
     * Records (or replaces) the caller's ranking in a ranked ballot, from the numbers they wrote beside the candidates
     * (1 for the first choice; a candidate left without a number is not ranked). Refused with a sentence, at the
     * candidate concerned, for a number used twice or skipped, or a candidate who has withdrawn; nothing is stored then.
     */
    @Transactional
    public void rank(long ballotId, Map<Long, Integer> numbers) {
        SignedInMember me = currentMember.requireVerified();
        Marking m = marking(ballotId, me, UnityMethod.RANKED);
        Map<String, Integer> marks = new LinkedHashMap<>();
        numbers.forEach((candidate, number) -> marks.put(String.valueOf(candidate), number));
        switch (RankedChoiceRules.readMarks(m.contest(), m.party(), marks)) {
            case RankedChoiceRules.Marked.Refused refused -> throw refusal(refused.problem());
            case RankedChoiceRules.Marked.Read read -> store(ballotId, me, read.ballot().ranking(), true);
        }
    }

    /** Records (or replaces) the caller's approvals in an approval ballot. */
    @Transactional
    public void approve(long ballotId, Set<Long> approved) {
        SignedInMember me = currentMember.requireVerified();
        Marking m = marking(ballotId, me, UnityMethod.APPROVAL);
        // In ballot-paper order, so the stored marks and any message follow the paper.
        Set<String> keys = new LinkedHashSet<>();
        m.contest().candidates().stream().map(Candidate::id).filter(k -> approved.contains(Long.valueOf(k))).forEach(keys::add);
        approved.stream().map(String::valueOf).forEach(keys::add);
        Optional<BallotProblem> problem = ApprovalRules.check(m.contest(), new ApprovalBallot(m.party(), keys));
        if (problem.isPresent()) {
            throw refusal(problem.get());
        }
        store(ballotId, me, List.copyOf(keys), false);
    }

    private record Marking(Contest contest, String party) {
    }

    /** The ballot, open and of the given kind, with the caller in its electorate and still counted: else why not. */
    private Marking marking(long ballotId, SignedInMember me, UnityMethod method) {
        UnityBallotRecord b = ballots.lockForMarking(ballotId).orElseThrow(UnityBallotService::noSuchBallot);
        readable(b, me);
        String field = method == UnityMethod.RANKED ? "ranking" : "approvals";
        if (UnityMethod.valueOf(b.getMethod()) != method) {
            throw new InvalidInputException(field, method == UnityMethod.RANKED ? "This ballot is by approval: approve candidates rather than rank them."
                    : "This ballot is by ranked choice: rank the candidates rather than approve them.");
        }
        if (!open(b)) {
            throw new InvalidInputException(field, "This ballot has closed; marks can no longer be cast or changed.");
        }
        Optional<String> party = ballots.electorParty(ballotId, me.id());
        if (party.isEmpty()) {
            throw new InvalidInputException(field, ordinaryBallots.partyOnlyClaimed(me.id())
                    ? "Your party, " + me.partyCode() + ", has not confirmed you, so you are not in this ballot's electorate: each party's votes are its confirmed members'."
                    : "You were not a member of the group when this ballot opened, so you cannot vote in it.");
        }
        if (!ballots.stillCounts(ballotId, me.id())) {
            throw new InvalidInputException(field, "You are no longer counted in this ballot: you have left the group, or your party no longer confirms you.");
        }
        return new Marking(contest(b, ballots.candidates(ballotId)), party.get());
    }

    private void store(long ballotId, SignedInMember me, List<String> keys, boolean ranked) {
        boolean changed = ballots.replaceMarks(ballotId, me.id(), keys.stream().map(Long::valueOf).toList(), ranked);
        // That the member marked, never how: the count is the only place marks are added up.
        audit.record(me.id(), changed ? AuditAction.UNITY_MARKS_CHANGED : AuditAction.UNITY_MARKS_CAST, "unity_ballot", ballotId, "");
    }

    private static InvalidInputException refusal(BallotProblem problem) {
        return new InvalidInputException(problem.candidateId() == null ? "ranking" : "candidate-" + problem.candidateId(), problem.message());
    }

    /**
     * A convenor withdraws a candidate while the ballot is open: rankings of them count for the next choice on them,
     * approvals of them are ignored, and the electors are told. The last candidate standing cannot withdraw.
     */
    @Transactional
    public void withdraw(long ballotId, long candidateId) {
        SignedInMember me = currentMember.requireVerified();
        UnityBallotRecord b = ballots.lock(ballotId).orElseThrow(UnityBallotService::noSuchBallot);
        UnityPacts.Pact pact = readable(b, me);
        if (!pact.convenor()) {
            throw new AccessDeniedException("Only a convenor of the group withdraws a candidate.");
        }
        if (!open(b)) {
            throw new InvalidInputException("candidate", "This ballot has closed; its candidates stand as counted.");
        }
        List<UnityCandidate> candidates = ballots.candidates(ballotId);
        UnityCandidate c = candidates.stream().filter(x -> x.id() == candidateId).findFirst()
                .orElseThrow(() -> new InvalidInputException("candidate", "There is no such candidate in this ballot."));
        if (c.withdrawn()) {
            throw new InvalidInputException("candidate", c.name() + " has already withdrawn.");
        }
        if (candidates.stream().filter(x -> !x.withdrawn()).count() < 2) {
            throw new InvalidInputException("candidate", c.name() + " is the only candidate still standing; close the ballot instead.");
        }
        ballots.withdraw(ballotId, candidateId, me.id());
        audit.record(me.id(), AuditAction.UNITY_CANDIDATE_WITHDRAWN, "unity_ballot", ballotId, c.name());
    }

    /** A convenor closes the ballot: the count is made, stored with its sentences, and returned. */
    @Transactional
    public UnityBallotDetails close(long ballotId) {
        SignedInMember me = currentMember.require();
        UnityBallotRecord b = ballots.lock(ballotId).orElseThrow(UnityBallotService::noSuchBallot);
        UnityPacts.Pact pact = readable(b, me);
        if (!pact.convenor()) {
            throw new AccessDeniedException("Only a convenor of the group closes a unity-candidate ballot.");
        }
        if (b.getClosedAt() != null) {
            throw new InvalidInputException("ballot", "This ballot is already closed.");
        }
        Counted counted = count(b, ballots.candidates(ballotId), ballots.partyNames());
        ballots.close(ballotId, me.id(), String.join("\n", counted.sentences()), counted.ballots(), counted.elected().map(Long::valueOf).orElse(null));
        audit.record(me.id(), AuditAction.UNITY_BALLOT_CLOSED, "unity_ballot", ballotId, counted.sentences().getFirst());
        return details(ballotId);
    }

    /** The ballot as the caller sees it: a member of the pact's group. After the close, the count round by round. */
    @Transactional(readOnly = true)
    public UnityBallotDetails details(long ballotId) {
        SignedInMember me = currentMember.require();
        UnityBallotRecord b = ballots.find(ballotId).orElseThrow(UnityBallotService::noSuchBallot);
        UnityPacts.Pact pact = readable(b, me);
        List<UnityCandidate> candidates = ballots.candidates(ballotId);
        Map<String, String> partyNames = ballots.partyNames();
        Counted counted = b.getClosedAt() == null ? null : count(b, candidates, partyNames);
        List<String> sentences = b.getExplanation() == null ? List.of() : b.getExplanation().lines().toList();
        return new UnityBallotDetails(ballotId, pact.id(), pact.title(), b.getOnsCode(), b.getConstituency(), UnityMethod.valueOf(b.getMethod()),
                TieBreakRule.valueOf(b.getTieBreak()), candidates, b.getOpenedAt(), b.getClosesAt(), b.getClosedAt(), ballots.electorate(ballotId),
                ballots.voted(ballotId), ballots.electorParty(ballotId, me.id()).isPresent(), ballots.marksOf(ballotId, me.id()), pact.convenor(),
                partyNames, counted == null ? null : counted.ranked(), counted == null ? null : counted.approval(), sentences, b.getElectedId(),
                b.getAmendmentId(), pact.negotiable());
    }

    /** The pact's unity-candidate ballots, newest first, for members of its group. */
    @Transactional(readOnly = true)
    public List<UnityBallotSummary> ofPact(long pactId) {
        pacts.find(pactId, currentMember.require(), false);
        return ballots.ofPact(pactId);
    }

    /** One seat of the pact and its ballots, for members of the pact's group. */
    @Transactional(readOnly = true)
    public UnitySeat seat(long pactId, String onsCode) {
        UnityPacts.Pact pact = pacts.find(pactId, currentMember.require(), false);
        String constituency = pact.seats().get(onsCode);
        if (constituency == null) {
            throw new InvalidInputException("seat", "That constituency is not one of this pact's seats.");
        }
        List<UnityBallotSummary> here = ballots.ofPact(pactId).stream().filter(b -> b.onsCode().equals(onsCode)).toList();
        Map<String, String> parties = new LinkedHashMap<>(ballots.partyNames());
        parties.remove(RankedBallot.NON_PARTY);
        return new UnitySeat(pactId, pact.title(), onsCode, constituency,
                pact.convenor() && pact.negotiable() && here.stream().noneMatch(UnityBallotSummary::open), parties, here);
    }

    /**
     * A convenor writes a closed ballot's winner into the pact's terms: an amendment making them the seat's alliance
     * candidate, proposed as the convenor through the pact's own amendment service, to be accepted and ratified as
     * any other. Once per ballot.
     */
    @Transactional
    public long proposeWinner(long ballotId) {
        SignedInMember me = currentMember.requireVerified();
        UnityBallotRecord b = ballots.lock(ballotId).orElseThrow(UnityBallotService::noSuchBallot);
        UnityPacts.Pact pact = readable(b, me);
        if (!pact.convenor()) {
            throw new AccessDeniedException("Only a convenor of the group writes a ballot's winner into the terms.");
        }
        if (b.getClosedAt() == null || b.getElectedId() == null) {
            throw new InvalidInputException("ballot", b.getClosedAt() == null ? "Close the ballot first: its winner is known only after the count."
                    : "Nobody was elected in this ballot, so there is no winner to write into the terms.");
        }
        if (b.getAmendmentId() != null) {
            throw new InvalidInputException("ballot", "This ballot's winner has already been proposed as an amendment to the terms.");
        }
        UnityCandidate winner = ballots.candidates(ballotId).stream().filter(c -> c.id() == b.getElectedId()).findFirst().orElseThrow();
        String how = UnityMethod.valueOf(b.getMethod()) == UnityMethod.RANKED ? "ranked-choice ballot" : "approval ballot";
        long amendment = pacts.proposeCandidate(pact.id(), b.getOnsCode(), new UnityPacts.Winner(winner.name(), winner.partyCode()),
                winner.name() + " was chosen as the unity candidate for " + b.getConstituency() + " by the group's " + how + " (unity ballot "
                        + ballotId + ").");
        ballots.attachAmendment(ballotId, amendment);
        audit.record(me.id(), AuditAction.UNITY_WINNER_PROPOSED, "unity_ballot", ballotId, winner.name() + ", pact amendment " + amendment);
        return amendment;
    }

    /** The count, made afresh from the stored marks: the seed and withdrawals are stored, so it is the same every time. */
    record Counted(RankedCount ranked, ApprovalCount approval, List<String> sentences, int ballots, Optional<String> elected) {
    }

    private Counted count(UnityBallotRecord b, List<UnityCandidate> candidates, Map<String, String> partyNames) {
        Contest contest = contest(b, candidates);
        Function<String, String> name = code -> partyNames.getOrDefault(code, code);
        List<UnityBallotRepository.Marks> marks = ballots.allMarks(b.getId());
        if (UnityMethod.valueOf(b.getMethod()) == UnityMethod.RANKED) {
            RankedCount count = RankedChoiceRules.count(contest, marks.stream()
                    .map(m -> new RankedBallot(m.voterParty(), m.candidates().stream().map(String::valueOf).toList())).toList());
            return new Counted(count, null, count.sentences(name), count.ballots(), count.elected().map(Candidate::id));
        }
        ApprovalCount count = ApprovalRules.count(contest, marks.stream()
                .map(m -> new ApprovalBallot(m.voterParty(), new LinkedHashSet<>(m.candidates().stream().map(String::valueOf).toList()))).toList());
        return new Counted(null, count, count.sentences(name), count.ballots(), count.elected().map(Candidate::id));
    }

    private static Contest contest(UnityBallotRecord b, List<UnityCandidate> candidates) {
        Set<String> withdrawn = new HashSet<>();
        candidates.stream().filter(UnityCandidate::withdrawn).forEach(c -> withdrawn.add(c.key()));
        return new Contest(candidates.stream().map(UnityCandidate::forCount).toList(), withdrawn, TieBreakRule.valueOf(b.getTieBreak()), b.getLotSeed());
    }

    /** The pact, for a member of its group; a ballot on a pact they may not read does not exist for them. */
    private UnityPacts.Pact readable(UnityBallotRecord b, SignedInMember me) {
        try {
            return pacts.find(b.getPactId(), me, false);
        } catch (InvalidInputException notReadable) {
            throw noSuchBallot();
        }
    }

    private boolean open(UnityBallotRecord b) {
        return b.getClosedAt() == null && (b.getClosesAt() == null || b.getClosesAt().isAfter(now()));
    }

    /** Open ballots past their closing time, for the scheduler. */
    List<Long> due() {
        return ballots.due(now());
    }

    /** Who may close a due ballot for the scheduler: its opener first, then the group's convenors now. */
    List<Long> closers(long ballotId) {
        return ballots.closers(ballotId);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static InvalidInputException noSuchBallot() {
        return new InvalidInputException("ballot", "There is no such ballot, or you may not see it.");
    }
}
