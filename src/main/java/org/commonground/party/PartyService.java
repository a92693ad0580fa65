package org.commonground.party;

import java.util.List;

import org.commonground.audit.AuditAction;
import org.commonground.audit.AuditLog;
import org.commonground.security.CurrentMember;
import org.commonground.shared.InvalidInputException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class PartyService {

    private final PartyRepository parties;
    private final CurrentMember currentMember;
    private final AuditLog audit;

    public PartyService(PartyRepository parties, CurrentMember currentMember, AuditLog audit) {
        this.parties = parties;
        this.currentMember = currentMember;
        this.audit = audit;
    }

    /** Parties are public knowledge: the registration form lists them before anyone signs in. */
    @Transactional(readOnly = true)
    public List<Party> list() {
        return parties.findAll();
    }

    @Transactional
    public Party create(String code, String name, String colour) {
        long adminId = currentMember.requireAdmin().id();
        InvalidInputException.throwIfAny(PartyRules.check(code, name, colour));
        String c = code.strip();
        String n = name.strip();
        if (parties.codeExists(c)) {
            throw new InvalidInputException("code", "There is already a party with the code " + c + ".");
        }
        if (parties.nameExists(n, null)) {
            throw new InvalidInputException("name", "There is already a party called " + n + ".");
        }
        try {
            long id = parties.insert(c, n, colour.strip().toUpperCase());
            audit.record(adminId, AuditAction.PARTY_CREATED, "party", id, c + " " + n);
            return parties.findById(id).orElseThrow();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("code", "That party was just added by someone else.");
        }
    }

    @Transactional
    public Party update(long partyId, String name, String colour) {
        long adminId = currentMember.requireAdmin().id();
        Party existing = parties.findById(partyId).orElseThrow(() -> new InvalidInputException("name", "That party no longer exists."));
        InvalidInputException.throwIfAny(PartyRules.check(existing.code(), name, colour));
        String n = name.strip();
        if (parties.nameExists(n, partyId)) {
            throw new InvalidInputException("name", "There is already a party called " + n + ".");
        }
        parties.update(partyId, n, colour.strip().toUpperCase());
        audit.record(adminId, AuditAction.PARTY_UPDATED, "party", partyId, existing.code() + " " + n + " " + colour);
        return parties.findById(partyId).orElseThrow();
    }
}
