package org.commonground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.commonground.support.ViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class NotFoundViewTest extends ViewTest {

    @Autowired
    TestMembers testMembers;

    @Test
    void anUnknownOrForbiddenAddressGetsTheSameFriendlyPage() {
        testMembers.register("Someone first", "NONE"); // whoever registers first becomes admin
        TestMembers.signIn(testMembers.register("Wanderer", "GRN"));
        UI.getCurrent().navigate("admin/parties");
        assertThat(getCurrentView()).isInstanceOf(NotFoundView.class);
        assertThat($view(H2.class).single().getText()).isEqualTo("There is nothing here for you");
        UI.getCurrent().navigate("no/such/page");
        assertThat(getCurrentView()).isInstanceOf(NotFoundView.class);
    }
}
