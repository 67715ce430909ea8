package eu.somep.core.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.PersistenceException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** A client that meets an exhausted connection pool is told to come back, not that the site broke. */
class ErrorMapperTest {
    @Test
    void noFreeDatabaseConnectionIsA503WithRetryAfter() {
        var r = new ErrorMapper(new Problems()).toResponse(
                new PersistenceException("could not open", new SQLTransientConnectionException("pool - Connection is not available, request timed out after 10000ms")));
        assertEquals(503, r.getStatus());
        assertEquals("5", r.getHeaderString("Retry-After"));
    }

    @Test
    void aValueTheDatabaseRefusesIsA422() {
        var r = new ErrorMapper(new Problems()).toResponse(new PersistenceException("could not execute statement",
                new java.sql.SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021")));
        assertEquals(422, r.getStatus());
    }

    @Test
    void otherFailuresStayA500() {
        assertEquals(500, new ErrorMapper(new Problems()).toResponse(new IllegalStateException("bug")).getStatus());
    }
}
