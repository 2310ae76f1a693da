package org.imagingexchange.audit.domain;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import org.imagingexchange.audit.client.AuditRecord;

/**
 * The canonical JSON of a normalised audit record, the input of the hash chain: every member present,
 * object keys in ascending (UTF-16) order, no insignificant whitespace, enums by name, {@code recorded}
 * as ISO-8601 UTC ({@link DateTimeFormatter#ISO_INSTANT}), strings escaped as JSON-P writes them.
 * Same record, same bytes, on every JVM and after a database round trip.
 */
public final class CanonicalJson {

    /** Looked up once: {@code Json.*} would search the service loader on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private CanonicalJson() {
    }

    /**
     * @param r a normalised record ({@link AuditRecords#normalize})
     * @return its canonical JSON text
     */
    public static String of(AuditRecord r) {
        JsonArrayBuilder patients = JSON.createArrayBuilder();
        r.patients().forEach(p -> patients.add(JSON.createObjectBuilder().add("id", p.id()).add("issuer", p.issuer())));
        JsonArrayBuilder entities = JSON.createArrayBuilder();
        r.entities().forEach(x -> entities.add(JSON.createObjectBuilder().add("type", x.type())
                .add("identifier", x.identifier()).add("description", x.description())));
        AuditRecord.Agent a = r.agent();
        JsonObject json = JSON.createObjectBuilder()
                .add("eventId", r.eventId())
                .add("recorded", DateTimeFormatter.ISO_INSTANT.format(r.recorded()))
                .add("pattern", r.pattern().name())
                .add("outcome", r.outcome().name())
                .add("outcomeDetail", r.outcomeDetail())
                .add("source", r.source())
                .add("correlationId", r.correlationId())
                .add("agent", JSON.createObjectBuilder().add("userId", a.userId()).add("username", a.username())
                        .add("clientId", a.clientId()).add("organizationId", a.organizationId())
                        .add("country", a.country()).add("purposeOfUse", a.purposeOfUse()))
                .add("patients", patients)
                .add("entities", entities)
                .build();
        StringBuilder out = new StringBuilder(512);
        write(json, out);
        return out.toString();
    }

    private static void write(JsonValue value, StringBuilder out) {
        switch (value.getValueType()) {
            case OBJECT -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonValue> e : new TreeMap<>(value.asJsonObject()).entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    out.append(JSON.createValue(e.getKey()).toString()).append(':');
                    write(e.getValue(), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                JsonArray array = value.asJsonArray();
                for (int i = 0; i < array.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(array.get(i), out);
                }
                out.append(']');
            }
            default -> out.append(value.toString());
        }
    }
}
