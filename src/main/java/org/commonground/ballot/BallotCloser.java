package org.commonground.ballot;

import org.commonground.jooq.tables.records.BallotRecord;
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
 * Closes ballots whose closing time has passed, acting for the convenor who opened them and set that time, so the
 * close goes through the same checks as a close by hand.
 */
@Component
class BallotCloser {

    private static final Logger log = LoggerFactory.getLogger(BallotCloser.class);

    private final BallotService ballots;
    private final UserDetailsService members;
    private final MemberRepository memberRepository;

    BallotCloser(BallotService ballots, UserDetailsService members, MemberRepository memberRepository) {
        this.ballots = ballots;
        this.members = members;
        this.memberRepository = memberRepository;
    }

    @Scheduled(fixedDelayString = "${commonground.ballots.close-check-interval:PT10S}")
    void closeDueBallots() {
        for (long id : ballots.due()) {
            try {
                BallotRecord b = ballots.record(id);
                String email = memberRepository.findById(b.getOpenedBy()).orElseThrow().email();
                SignedInMember opener = ((SignedInMember) members.loadUserByUsername(email)).withoutPassword();
                SecurityContextHolder.getContext().setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(opener, null, opener.getAuthorities()));
                ballots.close(id);
            } catch (InvalidInputException | AccessDeniedException e) {
                log.warn("Ballot {} is due but could not be closed: {}", id, e.getMessage());
            } catch (RuntimeException e) {
                // A failure closing one ballot (a lost connection, a conflict) must not keep the others open; the
                // next round tries it again.
                log.error("Ballot {} is due but closing it failed; trying again at the next check", id, e);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }
}
