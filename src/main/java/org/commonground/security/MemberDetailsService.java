package org.commonground.security;

import static org.commonground.jooq.Tables.MEMBER;
import static org.commonground.jooq.Tables.PARTY;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class MemberDetailsService implements UserDetailsService {

    private final DSLContext db;

    MemberDetailsService(DSLContext db) {
        this.db = db;
    }

    @Override
    public SignedInMember loadUserByUsername(String email) {
        return db.select(MEMBER.ID, MEMBER.EMAIL, MEMBER.DISPLAY_NAME, MEMBER.PARTY_ID, PARTY.CODE, PARTY.COLOUR,
                        MEMBER.ADMIN, MEMBER.PASSWORD_HASH)
                .from(MEMBER).join(PARTY).on(PARTY.ID.eq(MEMBER.PARTY_ID))
                .where(DSL.lower(MEMBER.EMAIL).eq(email == null ? "" : email.strip().toLowerCase()))
                .fetchOptional(r -> new SignedInMember(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8()))
                .orElseThrow(() -> new UsernameNotFoundException("No such member"));
    }
}
