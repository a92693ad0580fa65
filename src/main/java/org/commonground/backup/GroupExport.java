package org.commonground.backup;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import org.commonground.audit.AuditAction;
import org.commonground.audit.AuditLog;
import org.commonground.security.CurrentMember;
import org.commonground.security.SignedInMember;
import org.commonground.shared.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A group's complete record as one JSON file ({@link GroupRecordFormat}), for keeping, for moving the group to
 * another server, or for restoring it ({@link GroupRestore}). A convenor of the group exports it. An admin does not
 * (DESIGN gives admins no content rights beyond a member's: drafts and pacts before publication are the group's). The
 * file holds no more than its exporter may read in the app: it leaves out other parties' caucus comments, who cast
 * which vote in a secret ballot, members' email addresses and email preferences, invitations no longer open, and the
 * audit trail's comment events and invited addresses. The complete record, with those, is the command line's
 * ({@code export-group}), for whoever runs the server and could read the database anyway. Each export is in the
 * audit trail. Read in one snapshot, so the file is consistent even while the group is busy.
 */
@Service
public class GroupExport {

    /** The file offered for download. */
    public record Export(String fileName, byte[] json) {
    }

    private final GroupRecordRepository records;
    private final CurrentMember currentMember;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate snapshot;

    GroupExport(GroupRecordRepository records, CurrentMember currentMember, AuditLog audit, Clock clock,
                PlatformTransactionManager transactions) {
        this.records = records;
        this.currentMember = currentMember;
        this.audit = audit;
        this.clock = clock;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** Whether the signed-in member may export this group's record: its convenors. */
    @Transactional(readOnly = true)
    public boolean mayExport(long groupId) {
        return records.isConvenor(groupId, currentMember.require().id());
    }

    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public Export export(long groupId) {
        SignedInMember me = currentMember.require();
        if (!records.isConvenor(groupId, me.id())) {
            throw new AccessDeniedException("Only a convenor of this group may export its record.");
        }
        String name = records.groupName(groupId).orElseThrow(() -> new InvalidInputException("group", "There is no such group."));
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        byte[] json = RecordJson.JSON.writeValueAsBytes(records.read(groupId, new GroupRecordRepository.Reader(me.id(), currentMember.caucusPartyOf(me)), now));
        // Recorded after reading, so a record never contains its own export.
        audit.record(me.id(), AuditAction.GROUP_EXPORTED, "group", groupId, "record for a convenor, without other parties' caucus comments, who cast which secret vote or members' addresses");
        return new Export(fileName(name, now), json);
    }

    /** Everything, for the command line only: there is no signed-in member to check, the caller runs the server. */
    Export exportComplete(long groupId) {
        return snapshot.execute(status -> complete(groupId));
    }

    private Export complete(long groupId) {
        String name = records.groupName(groupId).orElseThrow(() -> new InvalidInputException("group", "There is no group " + groupId + "."));
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        byte[] json = RecordJson.JSON.writeValueAsBytes(records.read(groupId, GroupRecordRepository.Reader.COMPLETE, now));
        audit.record(null, AuditAction.GROUP_EXPORTED, "group", groupId, "complete record, from the command line");
        return new Export(fileName(name, now), json);
    }

    static String fileName(String groupName, OffsetDateTime at) {
        String slug = groupName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return (slug.isEmpty() ? "group" : slug) + "-record-" + at.toLocalDate() + ".json";
    }
}
