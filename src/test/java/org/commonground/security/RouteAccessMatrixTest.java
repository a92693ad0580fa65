package org.commonground.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import org.commonground.ballot.BallotService;
import org.commonground.ballot.BallotSettings;
import org.commonground.ballot.rules.DecisionRule;
import org.commonground.election.ElectionService;
import org.commonground.group.GroupService;
import org.commonground.live.LiveEvents;
import org.commonground.security.LoginView;
import org.commonground.pact.PactService;
import org.commonground.pact.PactRatificationService;
import org.commonground.pact.terms.PactTerms;
import org.commonground.pact.terms.SeatTerms;
import org.commonground.pact.terms.Stance;
import org.commonground.comment.CommentService;
import org.commonground.comment.NewComment;
import org.commonground.proposal.ProposalDraft;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.comment.Visibility;
import org.commonground.support.IntegrationTest;
import org.commonground.support.Ratifying;
import org.commonground.support.TestMembers;
import org.commonground.support.UiQueue;
import org.commonground.support.ViewTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every Vaadin route that takes an id, and the lists that could show what a role may not read, opened by each role
 * (browserless, signed in as that role; not signed in for the public): a route shows its content to exactly the
 * roles the table names; everyone else gets a "not found" page, or the page without that content, and the page
 * does not listen for live changes of what it refused to show. Ids are those of another group's things, as if
 * guessed, and one that exists nowhere.
 */
@IntegrationTest
class RouteAccessMatrixTest extends ViewTest {

    /** Guessed: no such thing exists. */
    static final long NOWHERE = 987_654_321L;

    @Autowired
    TestMembers testMembers;

    @Autowired
    Ratifying ratifying;
    @Autowired
    GroupService groups;
    @Autowired
    ProposalService proposals;
    @Autowired
    CommentService comments;
    @Autowired
    BallotService ballots;
    @Autowired
    PactService pacts;
    @Autowired
    PactRatificationService ratification;
    @Autowired
    LiveEvents live;
    @Autowired
    ElectionService elections;

    /** Made and committed once: the views read it in transactions of their own. */
    static Cast cast;
    static Map<String, Long> ids;

    @BeforeEach
    void theGroupsThings() {
        if (cast != null) {
            return;
        }
        cast = new Cast(testMembers, groups);
        cast.signIn(Who.AUTHOR);
        long draft = proposals.create(cast.group, new ProposalDraft("Nightjar draft", "", "Nightjar words.\n", ""));
        cast.coAuthorWhoLeft(proposals, draft);

        cast.signIn(Who.AUTHOR);
        long voting = proposals.create(cast.group, new ProposalDraft("Kestrel proposal", "", "Kestrel words.\n", ""));
        cast.signIn(Who.CONVENOR);
        proposals.move(voting, ProposalState.DISCUSSION);
        cast.signIn(Who.AUTHOR);
        long shared = comments.post(voting, NewComment.onProposal(Visibility.SHARED, "Shared words."));
        comments.post(voting, NewComment.onProposal(Visibility.CAUCUS, "Goshawk caucus note."));
        cast.signIn(Who.OTHER_PARTY);
        comments.post(voting, new NewComment(null, shared, Visibility.SHARED, null, null, null, false, "A reply."));
        cast.signIn(Who.CONVENOR);
        proposals.move(voting, ProposalState.VOTING);
        long ballot = ballots.open(voting, null, new BallotSettings(DecisionRule.SIMPLE_MAJORITY, false, 0, 0, null));

        long pact = pacts.start(cast.group, "Merlin accord", List.of(Cast.ALDERSHOT), null);
        pacts.revise(pact, 1, new PactTerms(List.of(new SeatTerms(Cast.ALDERSHOT, "Aldershot", "LAB", Map.of("GRN", Stance.STANDS_DOWN))), ""), "");
        pacts.openNegotiation(pact);
        cast.signIn(Who.AUTHOR);
        comments.postOnPact(pact, new NewComment(null, null, Visibility.CAUCUS, null, null, null, false, "Osprey caucus note."));
        cast.signIn(Who.CONVENOR);
        ratifying.byRepresentatives(cast.group, pact, cast.get(Who.CONVENOR), cast.get(Who.CONVENOR), cast.get(Who.AUTHOR));
        ratification.sign(pact, "LAB", true, "");
        cast.signIn(Who.AUTHOR);
        ratification.sign(pact, "GRN", true, "");
        // The seat's page needs the seat: a one-row election of the admin's.
        cast.signIn(Who.ADMIN);
        elections.importResults("ROUTES-" + cast.tag, "Route election", ("ONS ID,ONS region ID,Constituency name,County name,Region name,"
                + "Country name,Constituency type,Member first name,Member surname,Member gender,Result,First party,Second party,Electorate,"
                + "Valid votes,Invalid votes,Majority,Con,Lab,LD,Green\n" + Cast.ALDERSHOT + ",E12000008,Aldershot,,South East,England,County,"
                + "Alex,Baker,Male,Lab gain from Con,Lab,Con,78000,50000,200,5000,15000,20000,8000,2000\n").getBytes(StandardCharsets.UTF_8), p -> { });
        TestMembers.signOut();
        ids = Map.of("draft", draft, "voting", voting, "ballot", ballot, "pact", pact, "group", cast.group, "nowhere", NOWHERE);
    }

    /**
     * The route, the words that show its content, who sees them, and what everyone else gets: "not found" (the page
     * says so) or "page" (the page opens, without those words).
     */
    static final String ROUTES = """
            proposals/{draft}                 | Nightjar                  | author convenor | not found
            proposals/{draft}/history         | Awen Author               | author convenor | not found   // who wrote each revision
            proposals/{draft}/edit            | Nightjar                  | author convenor | not found   // the convenor is sent on to the proposal
            proposals/{draft}/ballots         | Nightjar                  | author convenor | not found
            proposals/{draft}/pdf             | Nightjar                  | author convenor | not found
            proposals/{draft}/publish         | Nightjar                  | author convenor | not found
            proposals/{voting}                | Kestrel                   | group           | not found
            proposals/{voting}                | Goshawk                   | member author   | page        // a caucus comment
            proposals/{voting}/ballots        | Kestrel                   | group           | not found
            ballots/{ballot}                  | Kestrel                   | group           | not found
            pacts/{pact}                      | Merlin                    | group           | not found
            pacts/{pact}                      | Osprey                    | member author   | page        // a caucus comment
            pacts/{pact}/pdf                  | Merlin                    | group           | not found
            pacts/{pact}/publish              | Merlin                    | group           | not found
            groups/{group}                    | Olwen Otherparty          | group           | page        // who is in it
            groups/{group}/proposals          | Kestrel                   | group           | page
            groups/{group}/proposals          | Nightjar                  | author convenor | page
            groups/{group}/pacts              | Merlin                    | group           | page
            groups/{group}/elections          | Back to Matrix town       | group           | not found   // elections of delegates
            constituencies/E14001063          | Merlin                    | group           | page        // pacts covering the seat
            pacts/ledger                      | Merlin                    | group           | page
            search?q=nightjar                 | Nightjar                  | author convenor | page
            search?q=goshawk                  | Goshawk                   | member author   | page
            notifications                     | replied to your comment   | author          | page
            admin/parties                     | Add a party               | admin           | not found
            elections                         | Import results            | admin           | page
            proposals/{nowhere}               | Nightjar                  | nobody          | not found
            pacts/{nowhere}                   | Merlin                    | nobody          | not found
            ballots/{nowhere}                 | Kestrel                   | nobody          | not found
            groups/{nowhere}                  | Matrix town               | nobody          | not found
            elections/{nowhere}               | Seat analysis:            | nobody          | not found
            """;

    /** The pages that follow changes live, and who they may listen for. */
    static final String LISTENING = """
            proposals/{draft}                 | proposal {draft}          | author convenor
            proposals/{voting}                | proposal {voting}         | group
            ballots/{ballot}                  | ballot {ballot}           | group
            pacts/{pact}                      | pact {pact}               | group
            """;

    @ParameterizedTest
    @EnumSource(Who.class)
    void everyRouteShowsARoleExactlyWhatItMaySee(Who who) {
        cast.signIn(who);
        List<String> problems = new ArrayList<>();
        for (String[] row : rows(ROUTES)) {
            String path = row[0];
            String marker = row[1];
            Set<Who> allowed = Who.parse(row[2]);
            open(path);
            String page = shown();
            if (who == Who.PUBLIC) {
                if (!(getCurrentView() instanceof LoginView)) {
                    problems.add(path + ": not signed in, yet shown " + getCurrentView().getClass().getSimpleName());
                }
            } else if (allowed.contains(who) != page.contains(marker)) {
                problems.add(path + ": \"" + marker + "\" " + (allowed.contains(who) ? "missing" : "shown"));
            } else if (!allowed.contains(who) && row[3].equals("not found")
                    && !(page.toLowerCase(Locale.ROOT).contains("not found") || page.contains("There is nothing here for you"))) {
                problems.add(path + ": no \"not found\" page");
            }
            if (!allowed.contains(who) && who != Who.PUBLIC && page.contains(marker)) {
                problems.add(path + ": the page title or content names \"" + marker + "\"");
            }
        }
        for (String[] row : rows(LISTENING)) {
            String[] subject = row[1].split(" ");
            long id = ids.get(subject[1].replaceAll("[{}]", ""));
            open(row[0]);
            boolean listening = live.listeners(subject[0], id) > 0;
            if (listening != Who.parse(row[2]).contains(who)) {
                problems.add(row[0] + ": " + (listening ? "listens for live changes" : "does not listen for live changes"));
            }
            open("groups/browse");
            if (live.listeners(subject[0], id) > 0) {
                problems.add(row[0] + ": still listening after the page was left");
            }
        }
        if (!problems.isEmpty()) {
            fail("Routes opened by " + who.word + ":\n  " + String.join("\n  ", problems));
        }
    }

    /**
     * A live event names only the thing changed and the action: the page re-reads with its reader's rights, so a
     * Green caucus comment arriving while a Lib Dem has the proposal open tells the Lib Dem nothing, not even that
     * something was said, while a shared comment arriving with it is announced.
     */
    @Test
    void aCaucusCommentArrivingLiveTellsAnotherPartyNothing() {
        cast.signIn(Who.AUTHOR);
        long proposal = proposals.create(cast.group, new ProposalDraft("Plover proposal", "", "Plover words.\n", ""));
        cast.signIn(Who.CONVENOR);
        proposals.move(proposal, ProposalState.DISCUSSION);

        cast.signIn(Who.OTHER_PARTY);
        open("proposals/" + proposal);
        cast.signIn(Who.AUTHOR);
        comments.post(proposal, NewComment.onProposal(Visibility.CAUCUS, "Sandpiper whisper."));
        comments.post(proposal, NewComment.onProposal(Visibility.SHARED, "Dunlin remark."));
        cast.signIn(Who.OTHER_PARTY);
        UiQueue.awaitUntil(() -> shown().contains("Since you opened this proposal"));
        assertThat(shown()).contains("Since you opened this proposal: a new comment.").doesNotContain("Sandpiper", "2 new comments");
        open("groups/browse");
        open("proposals/" + proposal);
        assertThat(shown()).contains("Dunlin").doesNotContain("Sandpiper");
    }

    private static List<String[]> rows(String table) {
        List<String[]> rows = new ArrayList<>();
        for (String raw : table.lines().toList()) {
            int comment = raw.indexOf("//");
            String line = (comment >= 0 ? raw.substring(0, comment) : raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split("\\|");
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cells[i].strip();
            }
            for (Map.Entry<String, Long> id : ids.entrySet()) {
                cells[0] = cells[0].replace("{" + id.getKey() + "}", String.valueOf(id.getValue()));
            }
            rows.add(cells);
        }
        return rows;
    }

    private void open(String path) {
        int query = path.indexOf('?');
        if (query < 0) {
            UI.getCurrent().navigate(path);
        } else {
            UI.getCurrent().navigate(path.substring(0, query), QueryParameters.fromString(path.substring(query + 1)));
        }
    }

    /** What the current page holds: its title and its whole HTML, text and markup. */
    private String shown() {
        var view = getCurrentView();
        return UI.getCurrent().getInternals().getTitle() + "\n" + view.getElement().getOuterHTML();
    }
}
