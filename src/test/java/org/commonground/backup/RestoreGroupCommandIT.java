package org.commonground.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.commonground.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar restores a group record into a new, empty database (which the app migrates first), without an
 * admin account from the environment getting in first, and refuses to restore it a second time.
 */
class RestoreGroupCommandIT {

    private static final Path JAR = Path.of("target", "common-ground-0.1.0-SNAPSHOT.jar");

    private static final String RECORD = """
            {
              "format": "common-ground-group-record", "format_version": 1, "schema_version": "1",
              "exported_at": "2025-06-01T10:00:00Z", "exported_by": null, "complete": true, "left_out": [],
              "group": {"id": 41, "name": "Restored by command", "kind": "ALLIANCE", "party_id": null, "description": "",
                        "line_width": 80, "created_by": 7, "created_at": "2025-05-01T09:00:00.123456Z"},
              "constituencies": [],
              "memberships": [{"group_id": 41, "member_id": 7, "status": "ACTIVE", "role": "CONVENOR",
                               "requested_at": "2025-05-01T09:00:00.123456Z", "joined_at": "2025-05-01T09:00:00.123456Z", "decided_by": null}],
              "invitations": [],
              "members": [{"id": 7, "email": "keeper@example.org", "display_name": "Record keeper", "party_id": 1, "locale": "en-GB",
                           "email_notifications": "IMMEDIATE", "created_at": "2025-04-01T08:00:00Z"}],
              "parties": [{"id": 1, "code": "LAB", "name": "Labour", "colour": "#E4003B"}],
              "elections": [], "proposals": [], "pacts": [], "publications": [],
              "audit_events": [{"id": 12, "occurred_at": "2025-05-01T09:00:00.123456Z", "actor_id": 7, "action": "GROUP_CREATED",
                                "subject_type": "group", "subject_id": 41, "detail": "ALLIANCE Restored by command"}]
            }
            """;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), "-jar", JAR.toString(), "restore-group"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("restore-out", ".txt");
        Path err = Files.createTempFile("restore-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        // An admin configured in the environment is not created before the restore, so it cannot take an id the record uses.
        builder.environment().put("COMMONGROUND_ADMIN_EMAIL", "admin-from-environment@example.org");
        builder.environment().put("COMMONGROUND_ADMIN_PASSWORD", "a-long-enough-password-42");
        Process process = builder.start();
        boolean finished = process.waitFor(180, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("the restore finishes").isTrue();
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void aRecordRestoresIntoANewDatabaseOnceAndIsRefusedTheSecondTime() throws Exception {
        String database = TestDatabase.anotherUrl(); // not even migrated: the app does that first
        Path file = Files.createTempFile("record", ".json");
        Files.writeString(file, RECORD);

        Run restored = run("--file", file.toString(), "--spring.datasource.url=" + database);
        assertThat(restored.exit()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("Restored group 41 \u201cRestored by command\u201d", "1 member added", "Forgot your password?");
        try (Connection c = DriverManager.getConnection(database)) {
            ResultSet members = c.createStatement().executeQuery("select id, email, admin, password_hash from member");
            assertThat(members.next()).isTrue();
            assertThat(members.getLong(1)).isEqualTo(7);
            assertThat(members.getString(2)).isEqualTo("keeper@example.org");
            assertThat(members.getBoolean(3)).isFalse();
            assertThat(members.getString(4)).isEqualTo(GroupRestore.NO_PASSWORD);
            assertThat(members.next()).as("no other account").isFalse();
            ResultSet next = c.createStatement().executeQuery("select nextval('member_id_seq'), nextval('audit_event_id_seq'), nextval('groups_id_seq')");
            next.next();
            assertThat(next.getLong(1)).isEqualTo(8);
            assertThat(next.getLong(2)).isEqualTo(13);
            assertThat(next.getLong(3)).isEqualTo(42);
        }

        Run again = run("--file", file.toString(), "--spring.datasource.url=" + database);
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("restore-group: The database already holds what this record would write: a group named \u201cRestored by command\u201d",
                "group 41", "audit event 12", "Nothing was written.");

        Path notARecord = Files.createTempFile("not-a-record", ".json");
        Files.writeString(notARecord, "{\"hello\": 1}");
        Run wrong = run("--file", notARecord.toString(), "--spring.datasource.url=" + database);
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains("restore-group: The file is not a Common Ground group record");
    }
}
