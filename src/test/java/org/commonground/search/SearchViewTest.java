package org.commonground.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.QueryParameters;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.comment.CommentService;
import org.commonground.comment.NewComment;
import org.commonground.proposal.ProposalDraft;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.comment.Visibility;
import org.commonground.security.SignedInMember;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.commonground.support.ViewTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class SearchViewTest extends ViewTest {

    @Autowired
    GroupService groups;
    @Autowired
    ProposalService proposals;
    @Autowired
    CommentService comments;
    @Autowired
    TestMembers testMembers;

    SignedInMember convenor;
    SignedInMember green;
    String w;
    long proposal;
    long comment;

    @BeforeEach
    void aProposalWithComments() {
        w = SearchServiceTest.word();
        convenor = testMembers.register("View convenor", "LAB");
        TestMembers.signIn(convenor);
        long group = groups.create(new NewGroup("Search view hall " + convenor.id(), GroupKind.ALLIANCE, null, null));
        green = testMembers.joined(groups, group, convenor, "View green", "GRN");
        proposal = proposals.create(group, new ProposalDraft("Votes at sixteen " + w, "", "Everyone from sixteen votes.", ""));
        proposals.move(proposal, ProposalState.DISCUSSION);
        comment = comments.post(proposal, NewComment.onProposal(Visibility.SHARED,
                "Turnout: 5 < 6 & young voters vote <img src=x onerror=alert(1)> " + w));
        comments.post(proposal, NewComment.onProposal(Visibility.CAUCUS, "Labour only: how will we vote? " + w));
    }

    private SearchView searchFor(String words) {
        SearchView view = navigate(SearchView.class);
        test(view.query).setValue(words);
        test(view.go).click();
        return view;
    }

    private static List<String> links(SearchView view) {
        return view.results.getChildren().flatMap(card -> card.getChildren())
                .flatMap(heading -> heading.getChildren())
                .filter(Anchor.class::isInstance).map(a -> ((Anchor) a).getHref()).toList();
    }

    @Test
    void resultsShowKindTitleGroupAndTheMatchingWordsMarkedAsText() {
        TestMembers.signIn(green);
        SearchView view = searchFor("voting " + w);

        assertThat(view.query.isInvalid()).isFalse();
        assertThat(links(view)).containsExactly("proposals/" + proposal, "proposals/" + proposal);
        String html = view.results.getElement().getOuterHTML();
        assertThat(html).contains("Votes at sixteen " + w, "Proposal", "Comment", "Search view hall " + convenor.id(),
                "<mark>votes</mark>", "<mark>vote</mark>", "<mark>" + w + "</mark>");
        // What members wrote is shown as text: markup-like characters are escaped, nothing becomes an element.
        assertThat(html).contains("5 &lt; 6 &amp;").doesNotContain("<img", "onerror=alert(1)>");
        // The Labour caucus is not for a Green member.
        assertThat(html).doesNotContain("Labour only");
        assertThat(view.summary.getText()).isEqualTo("2 matches, best first.");
    }

    @Test
    void theAuthorsPartySeesItsCaucusCommentMarkedAsSuch() {
        TestMembers.signIn(convenor);
        SearchView view = searchFor("Labour " + w);
        assertThat(view.results.getElement().getOuterHTML()).contains("Caucus comment", "<mark>Labour</mark> only");
        assertThat(view.summary.getText()).isEqualTo("1 match.");
    }

    @Test
    void badInputIsExplainedAtTheFieldAndWhatWasTypedStays() {
        TestMembers.signIn(green);
        SearchView view = searchFor("   ");
        assertThat(view.query.isInvalid()).isTrue();
        assertThat(view.query.getErrorMessage()).isEqualTo("Type a word or two to search for.");

        test(view.query).setValue("?!? ...");
        test(view.go).click();
        assertThat(view.query.getErrorMessage()).contains("punctuation alone finds nothing");
        assertThat(view.query.getValue()).isEqualTo("?!? ...");
        assertThat(view.results.getChildren()).isEmpty();

        String tooLong = "fair votes ".repeat(20);
        test(view.query).setValue(tooLong);
        test(view.go).click();
        assertThat(view.query.getErrorMessage()).contains("at most 200 characters");
        assertThat(view.query.getValue()).isEqualTo(tooLong);

        test(view.query).setValue("votes " + w);
        test(view.go).click();
        assertThat(view.query.isInvalid()).isFalse();
        assertThat(links(view)).hasSize(2);
    }

    @Test
    void nothingFoundSaysSoAndTheAddressRunsASearch() {
        TestMembers.signIn(green);
        SearchView view = searchFor("nothing here " + w);
        assertThat(view.results.getChildren()).isEmpty();
        assertThat(view.summary.getText()).isEqualTo("Nothing you may read matches these words.");

        UI.getCurrent().navigate(SearchView.class, QueryParameters.of("q", w));
        SearchView linked = (SearchView) getCurrentView();
        assertThat(linked.query.getValue()).isEqualTo(w);
        assertThat(links(linked)).hasSize(2);
    }

    @Test
    void theNavigationLeadsToSearch() {
        TestMembers.signIn(green);
        navigate(SearchView.class);
        assertThat($(SideNavItem.class).all()).anySatisfy(item -> {
            assertThat(item.getLabel()).isEqualTo("Search");
            assertThat(item.getPath()).isEqualTo("search");
        });
    }
}
