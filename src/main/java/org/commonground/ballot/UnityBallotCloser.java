package org.commonground.ballot;

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
 * Closes unity-candidate ballots whose closing time has passed, as {@link BallotCloser} does ordinary ones: acting for
 * the convenor who opened them and set that time, so the close goes through the same checks as a close by hand. An opener who is no longer a convenor of the group (or in
 * it) cannot; a convenor of the group now closes it instead, so no ballot stays open for ever.
 */
@Component
class UnityBallotCloser {

    private static final Logger log = LoggerFactory.getLogger(UnityBallotCloser.class);

    private final UnityBallotService ballots;
    private final UserDetailsService members;
    private final MemberRepository memberRepository;

    UnityBallotCloser(UnityBallotService ballots, UserDetailsService members, MemberRepository memberRepository) {
        this.ballots = ballots;
        this.members = members;
        this.memberRepository = memberRepository;
    }

    @Scheduled(fixedDelayString = "${commonground.ballots.close-check-interval:PT10S}")
    void closeDueBallots() {
        for (long id : ballots.due()) {
            try {
                closeAsOneWhoMay(id);
            } catch (RuntimeException e) {
                // A failure closing one ballot (a lost connection, a conflict) must not keep the others open; the
                // next round tries it again.
                log.error("Unity ballot {} is due but closing it failed; trying again at the next check", id, e);
            }
        }
    }

    private void closeAsOneWhoMay(long ballotId) {
        RuntimeException refused = null;
        for (long closer : ballots.closers(ballotId)) {
            try {
                String email = memberRepository.findById(closer).orElseThrow().email();
                SignedInMember member = ((SignedInMember) members.loadUserByUsername(email)).withoutPassword();
                SecurityContextHolder.getContext().setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(member, null, member.getAuthorities()));
                ballots.close(ballotId);
                return;
            } catch (InvalidInputException | AccessDeniedException e) {
                refused = e;
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
        log.warn("Unity ballot {} is due but nobody may close it: {}", ballotId, refused == null ? "its group has no convenor" : refused.getMessage());
    }
}
