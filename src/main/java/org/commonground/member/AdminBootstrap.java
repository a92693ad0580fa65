package org.commonground.member;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.commonground.audit.AuditAction;
import org.commonground.audit.AuditLog;
import org.commonground.party.PartyRepository;
import org.commonground.shared.FieldProblem;
import org.commonground.shared.TextRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Makes sure the admin named in configuration exists (creating the account if needed) at start-up. */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final MemberRepository members;
    private final PartyRepository parties;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog audit;
    private final String email;
    private final String password;

    AdminBootstrap(MemberRepository members, PartyRepository parties, PasswordEncoder passwordEncoder, AuditLog audit,
                   @Value("${commonground.admin.email:}") String email,
                   @Value("${commonground.admin.password:}") String password) {
        this.members = members;
        this.parties = parties;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.email = email.strip();
        this.password = password;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (email.isEmpty()) {
            return;
        }
        var existing = members.findByEmail(email);
        if (existing.isPresent()) {
            // The operator named this address, so no link need prove it.
            members.markVerified(existing.get().id(), OffsetDateTime.now());
            if (!existing.get().admin()) {
                members.makeAdmin(existing.get().id());
                audit.record(null, AuditAction.ADMIN_GRANTED_BY_CONFIGURATION, "member", existing.get().id(), null);
                log.info("{} is now an admin (commonground.admin.email).", email);
            }
            return;
        }
        List<FieldProblem> problems = new ArrayList<>();
        TextRules.checkEmail("email", email, problems);
        PasswordRules.check("password", password, email, problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("commonground.admin.email/password cannot create the admin account: "
                    + String.join(" ", problems.stream().map(FieldProblem::message).toList()));
        }
        long noneParty = parties.findByCode("NONE").orElseThrow().id();
        long id = members.insert(email, "Administrator", noneParty, passwordEncoder.encode(password), true).orElseThrow();
        members.markVerified(id, OffsetDateTime.now());
        audit.record(null, AuditAction.ADMIN_CREATED_BY_CONFIGURATION, "member", id, null);
        log.info("Created the admin account {} from configuration.", email);
    }
}
