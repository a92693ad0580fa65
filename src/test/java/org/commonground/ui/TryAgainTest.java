package org.commonground.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import org.commonground.support.IntegrationTest;
import org.commonground.support.ViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** Browserless with the app's context only because the tests' routes need it; nothing here reads the database. */
@IntegrationTest
class TryAgainTest extends ViewTest {

    private static final RuntimeException BUSY = new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
            new SQLTransientConnectionException("Connection is not available, request timed out after 5000ms"));

    @Test
    void aSavedChangeWhosePageCouldNotBeReReadIsToldAsSavedNotAsLost() {
        TryAgain.afterSaving(() -> {
            throw BUSY;
        }, "Your comment is saved.");

        assertThat($(Notification.class).all()).extracting(n -> test(n).getText()).containsExactly("Your comment is saved.");
    }

    @Test
    void aFaultAfterSavingIsLeftToTheErrorHandler() {
        IllegalStateException bug = new IllegalStateException("a bug");
        assertThatThrownBy(() -> TryAgain.afterSaving(() -> {
            throw bug;
        }, "Your comment is saved.")).isSameAs(bug);
        assertThat($(Notification.class).all()).isEmpty();
    }

    @Test
    void aWriteRefusedForABusyPoolIsToldAtItsFieldWhichKeepsTheText() {
        TextArea field = new TextArea();
        field.setValue("Posted in the rush");

        TryAgain.refuseAt(BUSY, field);

        assertThat(field.getValue()).isEqualTo("Posted in the rush");
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).isEqualTo(TryAgain.BUSY);
        assertThat($(Notification.class).all()).extracting(n -> test(n).getText()).containsExactly(TryAgain.BUSY);
        IllegalStateException bug = new IllegalStateException("a bug");
        assertThatThrownBy(() -> TryAgain.refuseAt(bug, field)).isSameAs(bug);
    }
}
