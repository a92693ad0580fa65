package org.commonground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

class UiErrorHandlerTest {

    /** As Spring reports a rollback that failed after {@code cause}: Hikari's closed connection carries no SQLSTATE. */
    private static TransactionSystemException rollbackFailedAfter(Throwable cause) {
        TransactionSystemException failed = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        failed.initApplicationException(cause);
        return failed;
    }

    @Test
    void aLostConnectionIsAnOutageEvenBeneathAFailedRollback() {
        DataAccessResourceFailureException lost = new DataAccessResourceFailureException("I/O error", new SQLException("I/O error", "08006"));
        assertThat(UiErrorHandler.databaseUnreachable(rollbackFailedAfter(lost))).isSameAs(lost);
        assertThat(UiErrorHandler.databaseUnreachable(new RuntimeException(new SQLException("This connection has been closed.", "08003")))).isNotNull();
        assertThat(UiErrorHandler.databaseUnreachable(new RuntimeException(new CannotGetJdbcConnectionException("pool timed out")))).isNotNull();
    }

    @Test
    void anyOtherFailedCommitOrRollbackIsAFaultNotAnOutage() {
        assertThat(UiErrorHandler.databaseUnreachable(rollbackFailedAfter(new IllegalStateException("a bug")))).isNull();
        assertThat(UiErrorHandler.databaseUnreachable(new TransactionSystemException("Could not commit",
                new SQLException("could not serialize access", "40001")))).isNull();
        assertThat(UiErrorHandler.databaseUnreachable(new IllegalStateException("a bug"))).isNull();
    }
}
