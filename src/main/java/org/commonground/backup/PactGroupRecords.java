package org.commonground.backup;

import static org.commonground.jooq.Tables.GROUPS;
import static org.commonground.jooq.Tables.PACT;
import static org.commonground.jooq.Tables.PACT_JOINED_GROUP;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jooq.DSLContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The other groups in a group's pacts (V32, V36: those that joined one, read an alliance's, or are asked to), as its
 * record holds them. A pact is the record of the group that started it, so its {@code groups[]} go with it; the
 * groups themselves are another group's record, and are named only ({@code other_groups[]}: id, name, kind), as a
 * pact names its election. A restore keeps a pact's part for a group the database has (same id, same name, as when
 * that group's own record was restored first); without it the part is left out, and said so, for the pact's
 * convenors to ask that group again. Conversely a group's record holds nothing of a pact it only joined or reads:
 * neither the pact (another group's, which its convenor could not export) nor its part in it, which would refer to a
 * pact outside the record; that part comes back with the record of the group that started the pact.
 */
final class PactGroupRecords {

    private PactGroupRecords() {
    }

    /** The record's pact parts whose group is here as the record names it; a note for each left out. */
    static List<ObjectNode> present(DSLContext tx, GroupRestore.Plan plan, List<String> notes) {
        List<ObjectNode> kept = new ArrayList<>();
        for (ObjectNode part : plan.rows.getOrDefault(PACT_JOINED_GROUP, List.of())) {
            long groupId = part.path(PACT_JOINED_GROUP.GROUP_ID.getName()).asLong();
            ObjectNode named = plan.otherGroups.get(String.valueOf(groupId));
            String name = named == null ? "" : named.path(GROUPS.NAME.getName()).asString("");
            String here = tx.select(GROUPS.NAME).from(GROUPS).where(GROUPS.ID.eq(groupId)).fetchOptional(GROUPS.NAME).orElse(null);
            if (here != null && here.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                kept.add(part);
                continue;
            }
            long pactId = part.path(PACT_JOINED_GROUP.PACT_ID.getName()).asLong();
            String title = plan.rows.getOrDefault(PACT, List.of()).stream().filter(p -> p.path("id").asLong() == pactId).findFirst()
                    .map(p -> p.path(PACT.TITLE.getName()).asString("")).orElse("");
            notes.add("Pact " + pactId + " \u201c" + title + "\u201d had group " + groupId + " \u201c" + name + "\u201d as "
                    + part.path(PACT_JOINED_GROUP.STATE.getName()).asString("").toLowerCase(Locale.ROOT).replace('_', ' ')
                    + ", which this database does not have: that part is not restored (restore that group's record first, or its convenors "
                    + "invite it again).");
        }
        return kept;
    }

    /** The record's {@code other_groups[]}, by id. */
    static void named(GroupRestore.Plan plan, JsonNode otherGroups) {
        for (JsonNode group : GroupRestore.Plan.array(otherGroups, "other_groups")) {
            if (!group.isObject() || !group.path("id").isIntegralNumber()) {
                throw GroupRestore.Plan.damaged("another group it names has no id");
            }
            plan.otherGroups.put(GroupRestore.key(group.get("id")), (ObjectNode) group);
        }
    }

    static boolean names(GroupRestore.Plan plan, String groupId) {
        return plan.otherGroups.containsKey(groupId);
    }
}
