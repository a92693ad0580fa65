package org.commonground.support;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A browserless view test. The member signs out only after Vaadin has torn the UI down: a live change queued for an
 * open page runs during that tear-down and reads with the member's rights, so signing out first made it fail at random.
 */
public abstract class ViewTest extends SpringBrowserlessTest {

    @Autowired
    private TestMembers accounts;

    /** See {@link TestMembers#registrarFirst}: no view test's first member should be the database's admin by accident. */
    @BeforeEach
    void registrarIsTheFirstAccount() {
        accounts.registrarFirst();
    }

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
