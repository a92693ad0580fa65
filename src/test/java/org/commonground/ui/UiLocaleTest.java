package org.commonground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import org.commonground.member.RegisterView;
import org.commonground.support.IntegrationTest;
import org.commonground.support.ViewTest;
import org.junit.jupiter.api.Test;

/** Every UI is British English, whatever the browser asked for: Vaadin's components take their locale from it. */
@IntegrationTest
class UiLocaleTest extends ViewTest {

    @Test
    void theUiAndItsDatePickersAreBritish() {
        navigate(RegisterView.class);
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Locale.UK);
        DateTimePicker picker = new DateTimePicker();
        UI.getCurrent().add(picker);
        assertThat(picker.getLocale()).isEqualTo(Locale.UK);
    }
}
