package org.commonground.security;

import java.io.Serial;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The principal kept in the session: small on purpose, because it lives in every signed-in session. */
public record SignedInMember(long id, String email, String displayName, long partyId, String partyCode,
                             String partyColour, boolean admin, String passwordHash) implements UserDetails {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>(2);
        authorities.add(new SimpleGrantedAuthority("ROLE_MEMBER"));
        if (admin) {
            authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
        }
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    /** The hash is needed only while signing in; it is not kept in the session. */
    public SignedInMember withoutPassword() {
        return new SignedInMember(id, email, displayName, partyId, partyCode, partyColour, admin, null);
    }

    @Override
    public String toString() {
        return "SignedInMember[" + id + "]";
    }
}
