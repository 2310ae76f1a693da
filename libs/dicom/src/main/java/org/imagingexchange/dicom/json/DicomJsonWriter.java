package org.imagingexchange.dicom.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import org.imagingexchange.dicom.DicomDataset;
import org.imagingexchange.dicom.DicomElement;
import org.imagingexchange.dicom.PersonName;
import org.imagingexchange.dicom.Tag;

/**
 * Writes the DICOM JSON model, PS3.18 §F.2: members in ascending tag order, {@code Value} omitted for
 * elements without value, empty values as {@code null}, person names as objects with their non-empty
 * groups, binary values as {@code InlineBinary} (Base64) or {@code BulkDataURI}. Stateless and
 * thread-safe.
 */
public final class DicomJsonWriter {

    /** Looked up once: {@code Json.create...} asks the ServiceLoader for the provider on every call. */
    private static final JsonProvider JSON_PROVIDER = JsonProvider.provider();

    private DicomJsonWriter() {
    }

    /**
     * Renders several data sets as a JSON array (QIDO-RS response, WADO-RS metadata).
     *
     * @param datasets the data sets
     * @return the JSON array
     */
    public static JsonArray toJson(List<DicomDataset> datasets) {
        JsonArrayBuilder array = JSON_PROVIDER.createArrayBuilder();
        datasets.forEach(d -> array.add(toJson(d)));
        return array.build();
    }

    /**
     * Renders one data set.
     *
     * @param dataset the data set
     * @return the JSON object
     */
    public static JsonObject toJson(DicomDataset dataset) {
        JsonObjectBuilder object = JSON_PROVIDER.createObjectBuilder();
        for (DicomElement e : dataset.elements()) {
            object.add(Tag.toHex(e.tag()), element(e));
        }
        return object.build();
    }

    private static JsonObjectBuilder element(DicomElement e) {
        JsonObjectBuilder json = JSON_PROVIDER.createObjectBuilder().add("vr", e.vr().name());
        if (e.inlineBinary() != null) {
            return json.add("InlineBinary", Base64.getEncoder().encodeToString(e.inlineBinary()));
        }
        if (e.bulkDataUri() != null) {
            return json.add("BulkDataURI", e.bulkDataUri());
        }
        if (e.values().isEmpty()) {
            return json;
        }
        JsonArrayBuilder values = JSON_PROVIDER.createArrayBuilder();
        for (Object v : e.values()) {
            if (v == null) {
                values.addNull();
            } else if (v instanceof DicomDataset item) {
                values.add(toJson(item));
            } else if (v instanceof PersonName pn) {
                values.add(personName(pn));
            } else if (v instanceof BigDecimal d) {
                values.add(d);
            } else if (v instanceof Long || v instanceof Integer) {
                values.add(((Number) v).longValue());
            } else if (v instanceof Number n) {
                values.add(n.doubleValue());
            } else {
                values.add(v.toString());
            }
        }
        return json.add("Value", values);
    }

    private static JsonObjectBuilder personName(PersonName pn) {
        JsonObjectBuilder json = JSON_PROVIDER.createObjectBuilder();
        if (pn.alphabetic() != null) {
            json.add("Alphabetic", pn.alphabetic());
        }
        if (pn.ideographic() != null) {
            json.add("Ideographic", pn.ideographic());
        }
        if (pn.phonetic() != null) {
            json.add("Phonetic", pn.phonetic());
        }
        return json;
    }
}
