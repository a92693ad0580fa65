package org.commonground.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.jooq.Tables.HEX_CELL;
import static org.commonground.jooq.Tables.HEX_MAP;

import java.nio.file.Files;
import java.util.Map;
import java.util.Set;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.data.provider.Query;
import org.commonground.election.results.SeatVerdict;
import org.commonground.security.SignedInMember;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.commonground.support.ViewTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ElectionViewsTest extends ViewTest {

    @Autowired
    ElectionService elections;
    @Autowired
    TestMembers testMembers;
    @Autowired
    DSLContext db;
    @Autowired
    PublicElectionService publicElection;

    long election;
    SignedInMember member;

    @BeforeEach
    void importedElectionAndMap() throws Exception {
        TestMembers.signIn(testMembers.registerAdmin("Views admin"));
        election = elections.importResults("VIEWS-TEST", "Views test 2024", Files.readAllBytes(ElectionServiceTest.RESULTS), p -> { }).id();
        elections.importHexMap(Files.readAllBytes(ElectionServiceTest.HEXES));
        member = testMembers.register("Analyst", "LD");
        TestMembers.signIn(member);
    }

    private long rows(SeatAnalysisView view) {
        return view.grid.getDataProvider().size(new Query<>());
    }

    @Test
    void membersFilterTheSeatsChooseTheAllianceAndSeeTheMap() {
        SeatAnalysisView view = navigate(SeatAnalysisView.class, Map.of("electionId", String.valueOf(election)));
        assertThat(rows(view)).isEqualTo(650);
        long targets = elections.analysis(election, org.commonground.election.results.Alliance.standard()).seats().stream()
                .filter(SeatVerdict::target).count();
        assertThat(view.summary.getElement().getTextRecursively()).startsWith(targets + " target seats of 650");

        assertThat(view.filtersToggle.getText()).isEqualTo("Filters");
        test(view.targetsOnly).click();
        assertThat(rows(view)).isEqualTo(targets);
        // On a phone the filters are folded: their button says how many are in use, and the cards show the same rows.
        assertThat(view.filtersToggle.getText()).isEqualTo("Filters (1 in use)");
        assertThat(view.cards.getDataProvider().size(new Query<>())).isEqualTo(targets);
        test(view.targetsOnly).click();
        test(view.country).selectItem("Wales");
        assertThat(rows(view)).isEqualTo(32);

        // Labour alone: far fewer seats where "the alliance" out-polled the winner.
        view.alliance.setValue(Set.of("LAB"));
        assertThat(view.summary.getElement().getTextRecursively()).doesNotStartWith(targets + " target seats");

        String map = $view(Svg.class).single().getElement().getProperty("innerHTML", "") + $view(Svg.class).single().getElement().getOuterHTML();
        assertThat(map).contains("aria-label=\"Islington North: won by IND");
    }

    @Test
    void withoutAnImportedMapTheSeatAnalysisDrawsTheShippedOneWithItsCredit() {
        db.deleteFrom(HEX_CELL).execute();
        db.deleteFrom(HEX_MAP).execute();
        SeatAnalysisView view = navigate(SeatAnalysisView.class, Map.of("electionId", String.valueOf(election)));
        String map = $view(Svg.class).single().getElement().getOuterHTML();
        assertThat(map.split("<polygon", -1)).hasSize(651);
        assertThat(map).contains("aria-label=\"Islington North: won by IND");
        assertThat($view(Paragraph.class).all()).extracting(Paragraph::getText).contains("Hexagon layout © Open Innovations, MIT licence");
    }

    @Test
    void onlyAdminsSeeTheImportForms() {
        navigate(ElectionsView.class);
        assertThat($view(Anchor.class).all()).extracting(Anchor::getText).contains("Views test 2024 (VIEWS-TEST)");
        assertThat($view(H3.class).all()).isEmpty();
        TestMembers.signIn(testMembers.registerAdmin("Another admin"));
        // Leave first: navigating to the page already shown keeps its instance.
        navigate(SeatAnalysisView.class, Map.of("electionId", String.valueOf(election)));
        navigate(ElectionsView.class);
        assertThat($view(H3.class).all()).extracting(H3::getText).containsExactly("Import results", "Import the constituency map", "Public seat pages");
    }

    @Test
    void anAdminPublishesThePublicPagesElectionAndAllianceAndMistakesShowAtTheirField() {
        assertThat(navigate(ElectionsView.class).publicForm).as("members see no such form").isNull();
        TestMembers.signIn(testMembers.registerAdmin("Setting admin"));
        navigate(SeatAnalysisView.class, Map.of("electionId", String.valueOf(election)));
        PublicElectionForm form = navigate(ElectionsView.class).publicForm;
        form.election.setValue(elections.elections().stream().filter(e -> e.id() == election).findFirst().orElseThrow());
        form.alliance.setValue("LAB;LD");
        test(form.publish).click();
        assertThat(form.alliance.isInvalid()).isTrue();
        assertThat(form.alliance.getErrorMessage()).contains("is not a party code");
        form.alliance.setValue("LAB,XYZ");
        test(form.publish).click();
        assertThat(form.alliance.getErrorMessage()).startsWith("XYZ has no votes in VIEWS-TEST's results");
        assertThat(publicElection.current().filter(p -> p.alliance().everywhere().contains("XYZ"))).isEmpty();

        form.alliance.setValue("lab, ld, green");
        test(form.publish).click();
        assertThat(form.alliance.isInvalid()).isFalse();
        assertThat(publicElection.current().orElseThrow().electionId()).isEqualTo(election);
        assertThat(form.inForce.getText()).startsWith("In force: Views test 2024 (VIEWS-TEST) with LAB, LD, GRN, chosen ");
        assertThat(form.alliance.getValue()).isEqualTo("LAB,LD,GRN");
    }
}
