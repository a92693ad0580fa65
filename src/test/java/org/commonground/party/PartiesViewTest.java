package org.commonground.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.commonground.support.ViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class PartiesViewTest extends ViewTest {

    @Autowired
    TestMembers testMembers;

    @Test
    void aMemberCannotOpenThePartiesPage() {
        testMembers.register("Someone first", "NONE"); // whoever registers first becomes admin
        TestMembers.signIn(testMembers.register("Curious", "LD"));
        assertThatThrownBy(() -> navigate(PartiesView.class)).isNotNull();
        assertThat(getCurrentView()).isNotInstanceOf(PartiesView.class);
    }

    @Test
    void anAdminSeesABadColourAtTheColourField() {
        TestMembers.signIn(testMembers.registerAdmin("Keeper"));
        PartiesView view = navigate(PartiesView.class);
        test(view.code).setValue("ABC");
        test(view.name).setValue("Alphabet Party");
        test(view.colour).setValue("purple");
        test(view.save).click();
        assertThat(view.colour.isInvalid()).isTrue();
        assertThat(view.colour.getErrorMessage()).contains("#02A95B");
        assertThat(view.code.isInvalid()).isFalse();
    }
}
