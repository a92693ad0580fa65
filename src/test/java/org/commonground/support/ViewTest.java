package org.commonground.support;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.junit.jupiter.api.AfterEach;

/**
 * A browserless view test. The member signs out only after Vaadin has torn the UI down: a live change queued for an
 * open page runs during that tear-down and reads with the member's rights, so signing out first made it fail at random.
 */
public abstract class ViewTest extends SpringBrowserlessTest {

    @AfterEach
    @Override
    protected void cleanVaadinEnvironment() {
        try {
            super.cleanVaadinEnvironment();
        } finally {
            TestMembers.signOut();
        }
    }
}
