package org.commonground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

class UiErrorHandlerTest {

    @Test
    void aLostConnectionIsAnOutageEvenBeneathAFailedRollback() {
        SQLException closed = new SQLException("This connection has been closed.", "08003");
        assertThat(UiErrorHandler.databaseUnreachable(new TransactionSystemException("Could not roll back", closed))).isSameAs(closed);
        assertThat(UiErrorHandler.databaseUnreachable(new RuntimeException(new CannotGetJdbcConnectionException("pool timed out")))).isNotNull();
    }

    @Test
    void anyOtherFailedCommitIsAFaultNotAnOutage() {
        SQLException serialization = new SQLException("could not serialize access", "40001");
        assertThat(UiErrorHandler.databaseUnreachable(new TransactionSystemException("Could not commit", serialization))).isNull();
        assertThat(UiErrorHandler.databaseUnreachable(new TransactionSystemException("Could not commit"))).isNull();
        assertThat(UiErrorHandler.databaseUnreachable(new IllegalStateException("a bug"))).isNull();
    }
}
