package org.commonground.group;

import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.commonground.ui.PartyMarker;

/** A group at a glance: name, kind, party marker, size, and the viewer's standing. */
class GroupCard extends Div {

    private final String searchText;

    GroupCard(GroupSummary group, Component... actions) {
        searchText = (group.name() + " " + group.description()).toLowerCase(Locale.ROOT);
        addClassName("cg-card");
        Anchor name = new Anchor("groups/" + group.id(), group.name());
        name.addClassName("cg-card-title");
        Div heading = new Div(name);
        heading.addClassName("cg-card-heading");
        Span kind = new Span(group.kind().label());
        kind.addClassName("cg-tag");
        heading.add(kind);
        if (group.partyCode() != null) {
            heading.add(PartyMarker.of(group.partyCode(), group.partyColour()));
        }
        add(heading);
        if (!group.description().isBlank()) {
            Paragraph description = new Paragraph(group.description());
            description.addClassName("cg-card-description");
            add(description);
        }
        Div footer = new Div(new Span(group.activeMembers() + (group.activeMembers() == 1 ? " member" : " members")));
        footer.addClassName("cg-card-footer");
        if (group.isConvenor()) {
            footer.add(tag("You convene this group"));
        } else if (group.myStatus() == MembershipStatus.REQUESTED) {
            footer.add(tag("Request pending"));
        } else if (group.isActiveMember()) {
            footer.add(tag("Member"));
        }
        footer.add(actions);
        add(footer);
    }

    /** Whether a lower-case filter text occurs in the group's name or description. */
    boolean matches(String lowerCaseQuery) {
        return searchText.contains(lowerCaseQuery);
    }

    private static Span tag(String text) {
        Span tag = new Span(text);
        tag.addClassName("cg-status");
        return tag;
    }
}
