package org.commonground.ballot;

import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;

import org.commonground.member.MemberRepository;
import org.commonground.security.SignedInMember;
import org.commonground.shared.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Closes ballots whose closing time has passed, ordinary and unity-candidate ones, acting for the convenor who opened
 * them and set that time, so the close goes through the same checks as a close by hand. An opener who is no longer a
 * convenor of the group (or in it) cannot; a convenor of the group now closes it instead, so no ballot stays open for
 * ever.
 */
@Component
class BallotCloser {

    private static final Logger log = LoggerFactory.getLogger(BallotCloser.class);

    private final BallotService ballots;
    private final UnityBallotService unityBallots;
    private final UserDetailsService members;
    private final MemberRepository memberRepository;

    BallotCloser(BallotService ballots, UnityBallotService unityBallots, UserDetailsService members, MemberRepository memberRepository) {
        this.ballots = ballots;
        this.unityBallots = unityBallots;
        this.members = members;
        this.memberRepository = memberRepository;
    }

    @Scheduled(fixedDelayString = "${commonground.ballots.close-check-interval:PT10S}")
    void closeDueBallots() {
        closeDue("Ballot", ballots.due(), ballots::closers, ballots::close);
        closeDue("Unity ballot", unityBallots.due(), unityBallots::closers, unityBallots::close);
    }

    private void closeDue(String kind, List<Long> due, LongFunction<List<Long>> closers, LongConsumer close) {
        for (long id : due) {
            try {
                closeAsOneWhoMay(kind, id, closers.apply(id), close);
            } catch (RuntimeException e) {
                // A failure closing one ballot (a lost connection, a conflict) must not keep the others open; the
                // next round tries it again.
                log.error("{} {} is due but closing it failed; trying again at the next check", kind, id, e);
            }
        }
    }

    private void closeAsOneWhoMay(String kind, long ballotId, List<Long> closers, LongConsumer close) {
        RuntimeException refused = null;
        for (long closer : closers) {
            try {
                String email = memberRepository.findById(closer).orElseThrow().email();
                SignedInMember member = ((SignedInMember) members.loadUserByUsername(email)).withoutPassword();
                SecurityContextHolder.getContext().setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(member, null, member.getAuthorities()));
                close.accept(ballotId);
                return;
            } catch (InvalidInputException | AccessDeniedException e) {
                refused = e;
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
        log.warn("{} {} is due but nobody may close it: {}", kind, ballotId, refused == null ? "its group has no convenor" : refused.getMessage());
    }
}
