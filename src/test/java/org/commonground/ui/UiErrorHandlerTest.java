package org.commonground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.commonground.shared.DatabaseUnavailable;
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
        assertThat(DatabaseUnavailable.cause(rollbackFailedAfter(lost))).isSameAs(lost);
        assertThat(DatabaseUnavailable.cause(new RuntimeException(new SQLException("This connection has been closed.", "08003")))).isNotNull();
        assertThat(DatabaseUnavailable.cause(new RuntimeException(new CannotGetJdbcConnectionException("pool timed out")))).isNotNull();
    }

    @Test
    void aPoolThatStayedBusyIsToldApartFromADatabaseThatIsDown() {
        // Hikari's timeout: without a cause when every connection was in use, with the connection's failure when down.
        SQLTransientConnectionException busy = new SQLTransientConnectionException("Connection is not available, request timed out after 5000ms");
        SQLTransientConnectionException down = new SQLTransientConnectionException("Connection is not available, request timed out after 5000ms",
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001"));

        assertThat(TryAgain.message(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", busy))).contains(TryAgain.BUSY);
        assertThat(TryAgain.message(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", down)))
                .contains(UiErrorHandler.DATABASE_UNREACHABLE);
        assertThat(TryAgain.message(new IllegalStateException("a bug"))).isEmpty();
        assertThat(TryAgain.BUSY).contains("nothing was saved").contains("try again");
    }

    @Test
    void anyOtherFailedCommitOrRollbackIsAFaultNotAnOutage() {
        assertThat(DatabaseUnavailable.cause(rollbackFailedAfter(new IllegalStateException("a bug")))).isNull();
        assertThat(DatabaseUnavailable.cause(new TransactionSystemException("Could not commit",
                new SQLException("could not serialize access", "40001")))).isNull();
        assertThat(DatabaseUnavailable.cause(new IllegalStateException("a bug"))).isNull();
    }
}
