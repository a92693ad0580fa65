package org.commonground.security;

import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is calling a service. Services ask this themselves rather than trusting an id passed in by a view. */
@Component
public class CurrentMember {

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

    public SignedInMember requireAdmin() {
        SignedInMember member = require();
        if (!member.admin()) {
            throw new AccessDeniedException("Only an administrator may do that.");
        }
        return member;
    }
}
