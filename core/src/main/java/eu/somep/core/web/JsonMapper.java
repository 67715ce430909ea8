package eu.somep.core.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.ws.rs.ext.ContextResolver;

/**
 * The JSON of every REST API: dates and times as ISO-8601 strings ({@code "2026-11-24T20:15:00Z"},
 * {@code "2027-01-15"}), which any client reads, rather than epoch numbers or arrays.
 */
final class JsonMapper implements ContextResolver<ObjectMapper> {
    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return MAPPER;
    }
}
