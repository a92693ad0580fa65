package org.commonground.group;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.PermitAll;
import org.commonground.backup.GroupExport;
import org.commonground.security.CurrentMember;
import org.commonground.shared.Dates;
import org.commonground.shared.InvalidInputException;
import org.commonground.ui.Confirmation;
import org.commonground.ui.Focus;
import org.commonground.ui.Forms;
import org.commonground.ui.PartyMarker;
import org.springframework.security.access.AccessDeniedException;

/** One group: what it is, who is in it, and, for its convenors, requests, invitations, roles and the group's record. */
@Route("groups/:groupId(\\d+)")
@PermitAll
public class GroupView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final GroupService groups;
    private final GroupExport exports;
    private final DelegationService delegationService;
    private final long me;
    private long groupId;
    private String title = "Group";
    /** The record's download, as a browser's request for it reaches it; package-visible for the view tests. */
    DownloadHandler exportRecord;
    private H2 titleHeading;

    public GroupView(GroupService groups, GroupExport exports, DelegationService delegationService, CurrentMember currentMember) {
        this.groups = groups;
        this.delegationService = delegationService;
        this.exports = exports;
        this.me = currentMember.require().id();
        addClassName("cg-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        groupId = event.getRouteParameters().getLong("groupId").orElse(0L);
        try {
            refresh();
        } catch (InvalidInputException noSuchGroup) {
            removeAll();
            add(new H2("Group not found"), new Paragraph("There is no such group. It may have been mistyped."));
        }
    }

    @Override
    public String getPageTitle() {
        return title + " · Common Ground";
    }

    private void refresh() {
        GroupDetails details = groups.details(groupId);
        GroupSummary group = details.summary();
        title = group.name();
        removeAll();

        titleHeading = new H2(group.name());
        Div heading = new Div(titleHeading);
        heading.addClassName("cg-group-heading");
        Span kind = new Span(group.kind().label());
        kind.addClassName("cg-tag");
        heading.add(kind);
        if (group.partyCode() != null) {
            heading.add(PartyMarker.of(group.partyCode(), group.partyColour()));
        }
        add(heading);
        if (!group.description().isBlank()) {
            add(new Paragraph(group.description()));
        }
        add(ownStanding(group));
        // What members come for first; the group's seats, its people and the convenors' tools after.
        if (group.isActiveMember()) {
            add(new H3("Proposals and pacts"));
            Anchor proposals = new Anchor("groups/" + groupId + "/proposals", "Proposals of this group");
            proposals.addClassName("cg-section-link");
            add(proposals);
            if (group.kind() == GroupKind.LOCAL) {
                Anchor pacts = new Anchor("groups/" + groupId + "/pacts", "Pacts of this group");
                pacts.addClassName("cg-section-link");
                add(pacts);
            }
        }
        if (!details.constituencies().isEmpty()) {
            add(new H3("Constituencies"));
            UnorderedList list = new UnorderedList();
            details.constituencies().forEach(c -> list.add(c.onsCode() == null ? new ListItem(c.toString())
                    : new ListItem(new Anchor("constituencies/" + c.onsCode(), c.toString()))));
            add(list);
        }

        List<GroupMember> people = group.isActiveMember() ? groups.members(groupId) : List.of();
        if (group.isActiveMember()) {
            addMembers(group, people);
        }
        addDelegations(group);
        if (group.isActiveMember() && group.isConvenor()) {
            add(new H3("Convenor tools"));
            addRequests(people);
            addInvitations();
            addSettings(details.lineWidth());
        }
        exportRecord = null;
        if (exports.mayExport(groupId)) {
            addRecord();
        }
    }

    /** Convenors download the group's whole record as JSON: made when asked for, from one snapshot. */
    private void addRecord() {
        add(new H3("Record"));
        add(new Paragraph("The group's record as one JSON file: its members, every proposal with all its revisions, comments, "
                + "amendments, ballots and votes, its pacts, what it published, and its audit trail. Like the pages you see, it leaves "
                + "out other parties' caucus comments, who cast which vote in a secret ballot, and members' email addresses. "
                + "Whoever runs the server can restore it into a new database, where its members' accounts have no address to sign in with."));
        long id = groupId;
        exportRecord = event -> {
            GroupExport.Export export;
            try {
                export = exports.export(id);
            } catch (AccessDeniedException | InvalidInputException refused) {
                event.getResponse().setStatus(403);
                return;
            }
            event.setFileName(export.fileName());
            event.setContentType("application/json");
            event.setContentLength(export.json().length);
            try (OutputStream out = event.getOutputStream()) {
                out.write(export.json());
            }
        };
        Anchor download = new Anchor(exportRecord, "Export record (JSON)");
        download.getElement().setAttribute("download", true);
        download.addClassName("cg-section-link");
        add(download);
    }

    private Component ownStanding(GroupSummary group) {
        HorizontalLayout row = new HorizontalLayout();
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.addClassName("cg-standing");
        if (group.myStatus() == null) {
            Button join = new Button("Ask to join", e -> act(() -> {
                groups.requestToJoin(groupId);
                return true;
            }, "Your request is with the convenors.", null));
            join.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            row.add(new Span("You are not a member of this group."), join);
        } else if (group.myStatus() == MembershipStatus.REQUESTED) {
            Button withdraw = new Button("Withdraw request", e -> act(() -> {
                groups.withdrawRequest(groupId);
                return true;
            }, "Request withdrawn.", null));
            withdraw.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            row.add(new Span("Your request to join is waiting for a convenor."), withdraw);
        } else {
            Button leave = new Button("Leave group", e -> Confirmation.destructive(e.getSource(), "Leave " + group.name() + "?",
                    "You will need to ask again or be invited to rejoin.", "Leave",
                    () -> act(() -> groups.remove(groupId, me), "You left " + group.name() + ".", null)));
            leave.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            row.add(new Span(group.isConvenor() ? "You are a convenor of this group." : "You are a member of this group."), leave);
        }
        return row;
    }

    private void addRequests(List<GroupMember> people) {
        List<GroupMember> requests = people.stream().filter(p -> p.status() == MembershipStatus.REQUESTED).toList();
        add(new H4("Requests to join (" + requests.size() + ")"));
        if (requests.isEmpty()) {
            add(new Paragraph("No one is waiting."));
            return;
        }
        Div list = new Div();
        list.addClassName("cg-people");
        for (GroupMember request : requests) {
            Button approve = new Button("Approve", e -> act(() -> groups.approve(groupId, request.memberId()),
                    request.displayName() + " is now a member.", request.displayName() + " was already approved."));
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            Button refuse = new Button("Refuse", e -> act(() -> groups.refuse(groupId, request.memberId()),
                    "Request refused.", "That request was already decided."));
            refuse.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            list.add(personRow(request, "asked " + Dates.day(request.requestedAt()), approve, refuse));
        }
        add(list);
    }

    private void addInvitations() {
        add(new H4("Invite by email"));
        EmailField email = new EmailField();
        email.setPlaceholder("name@example.org");
        email.setMaxLength(254);
        email.setWidth("22rem");
        email.setMaxWidth("100%");
        email.setAriaLabel("Email address to invite");
        Button invite = new Button("Invite");
        invite.addClickListener(e -> {
            Forms.clear(email);
            try {
                boolean sent = groups.invite(groupId, email.getValue());
                Forms.success(sent ? "Invitation sent to " + email.getValue().strip() + "."
                        : email.getValue().strip() + " already has an open invitation.");
                refresh();
            } catch (InvalidInputException problem) {
                Forms.show(problem, Map.of("email", email));
            }
        });
        HorizontalLayout row = new HorizontalLayout(email, invite);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        add(row);
        List<Invitation> open = groups.openInvitations(groupId);
        if (!open.isEmpty()) {
            UnorderedList list = new UnorderedList();
            open.forEach(i -> list.add(new ListItem(i.email() + " · invited by " + i.invitedBy() + " on " + Dates.day(i.createdAt()))));
            add(new Paragraph("Waiting for an answer:"), list);
        }
    }

    private void addSettings(int lineWidth) {
        add(new H4("Settings"));
        IntegerField width = new IntegerField("Characters per numbered line");
        width.setMin(40);
        width.setMax(200);
        width.setValue(lineWidth);
        width.setHelperText("For proposals made from now on. Each proposal keeps the width it was made with, so the line numbers cited in its comments and amendments stay true.");
        width.setWidth("16rem");
        Button save = new Button("Save", e -> {
            Forms.clear(width);
            try {
                groups.setLineWidth(groupId, width.getValue());
                Forms.success("New proposals in this group will have " + width.getValue() + " characters per line.");
            } catch (InvalidInputException problem) {
                Forms.show(problem, Map.of("lineWidth", width));
            }
        });
        HorizontalLayout row = new HorizontalLayout(width, save);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        add(row);
    }

    private void addMembers(GroupSummary group, List<GroupMember> people) {
        List<GroupMember> active = people.stream().filter(p -> p.status() == MembershipStatus.ACTIVE).toList();
        add(new H3("Members (" + active.size() + ")"));
        Div list = new Div();
        list.addClassName("cg-people");
        for (GroupMember person : active) {
            Div actions = new Div();
            if (group.isConvenor() && person.memberId() != me) {
                if (person.role() == GroupRole.MEMBER) {
                    Button promote = new Button("Make convenor", e -> act(() -> groups.promote(groupId, person.memberId()),
                            person.displayName() + " is now a convenor.", null));
                    promote.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                    actions.add(promote);
                }
                Button remove = new Button("Remove", e -> Confirmation.destructive(e.getSource(), "Remove " + person.displayName() + "?",
                        person.displayName() + " will no longer be a member of " + group.name() + ".", "Remove",
                        () -> act(() -> groups.remove(groupId, person.memberId()), person.displayName() + " was removed.", null)));
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
                actions.add(remove);
            }
            String role = person.role() == GroupRole.CONVENOR ? "convenor" : "member since " + Dates.day(person.joinedAt());
            list.add(personRow(person, role, actions));
        }
        add(list);
    }

    /** In local and alliance groups, for its members and for organisers of a party present. */
    private void addDelegations(GroupSummary group) {
        if (group.kind() == GroupKind.PARTY) {
            return;
        }
        try {
            add(new PartyDelegationsPanel(delegationService, "Parties here", "Each party speaks here through its delegates, whom its "
                    + "organisers and delegates appoint; they choose how it ratifies a pact. Only members a party has confirmed count for it.",
                    delegationService.delegations(groupId), false, this::refresh));
        } catch (AccessDeniedException neitherMemberNorOrganiser) {
            // Nothing to show: who speaks for each party is for the group's members and the parties' organisers.
        }
    }

    private static Div personRow(GroupMember person, String note, Component... actions) {
        Span name = new Span(person.displayName());
        name.addClassName("cg-person-name");
        // Whether the party vouches for the member: a convenor sees it before approving a request.
        Span detail = new Span(person.partyConfirmed() ? note : note + " · " + person.partyNote());
        detail.addClassName("cg-person-note");
        Div who = new Div(PartyMarker.of(person.partyCode(), person.partyColour()), name, detail);
        who.addClassName("cg-person-who");
        Div buttons = new Div(actions);
        buttons.addClassName("cg-person-actions");
        Div row = new Div(who, buttons);
        row.addClassName("cg-person");
        return row;
    }

    /** Runs a service call; {@code unchanged} is said when it was a no-op (say, decided already in another tab). */
    private void act(BooleanSupplier action, String done, String unchanged) {
        try {
            boolean changed = action.getAsBoolean();
            if (changed || unchanged == null) {
                Forms.success(done);
            } else {
                Forms.error(unchanged);
            }
        } catch (InvalidInputException problem) {
            Forms.error(problem.getMessage());
        }
        try {
            refresh();
            // The button just pressed may be gone with the rebuild: focus then goes to the group's name.
            Focus.onIfLost(titleHeading);
        } catch (InvalidInputException gone) {
            getUI().ifPresent(ui -> ui.navigate(GroupsView.class));
        }
    }
}
