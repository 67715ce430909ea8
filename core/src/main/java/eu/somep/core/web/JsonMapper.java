package eu.somep.core.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.databind.util.LRUMap;
import jakarta.ws.rs.ext.ContextResolver;

/**
 * The JSON of every REST API: dates and times as ISO-8601 strings ({@code "2026-11-24T20:15:00Z"},
 * {@code "2027-01-15"}), which any client reads, rather than epoch numbers or arrays.
 *
 * <p>One mapper per component's Jersey application, with caches of its own: a mapper caches the serializers and
 * deserializers of the classes it saw without bound, so a mapper shared by all plugins kept the classes, and so the
 * class loaders, of every plugin version ever uninstalled or upgraded.
 */
final class JsonMapper implements ContextResolver<ObjectMapper> {
    private static final ObjectMapper PROTOTYPE = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

    // copy() gives fresh serializer and deserializer caches but shares the type factory, so it gets its own too
    private final ObjectMapper mapper = PROTOTYPE.copy().setTypeFactory(TypeFactory.defaultInstance().withCache(new LRUMap<>(16, 200)));

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }
}
