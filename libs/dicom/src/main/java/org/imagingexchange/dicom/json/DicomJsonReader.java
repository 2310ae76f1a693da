package org.imagingexchange.dicom.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.imagingexchange.dicom.DicomDataset;
import org.imagingexchange.dicom.DicomElement;
import org.imagingexchange.dicom.PersonName;
import org.imagingexchange.dicom.Tag;
import org.imagingexchange.dicom.Vr;

/**
 * Reads the DICOM JSON model, PS3.18 §F.2: an object per data set whose members are tags (eight hex
 * digits) with {@code vr} and one of {@code Value}, {@code InlineBinary}, {@code BulkDataURI}.
 * Person names may be objects with {@code Alphabetic}/{@code Ideographic}/{@code Phonetic}
 * (§F.2.2); {@code null} array entries are empty values (§F.2.5). Numbers of IS/DS given as JSON
 * strings are accepted, as some archives send them. Stateless and thread-safe.
 */
public final class DicomJsonReader {

    /** Looked up once: {@code Json.create...} asks the ServiceLoader for the provider on every call. */
    private static final JsonProvider JSON_PROVIDER = JsonProvider.provider();

    private DicomJsonReader() {
    }

    /**
     * Reads a JSON array of data sets (a QIDO-RS response or WADO-RS metadata).
     *
     * @param json the JSON text; the reader is not closed
     * @return the data sets in order
     * @throws InvalidDicomJsonException when the text is not DICOM JSON
     */
    public static List<DicomDataset> readArray(Reader json) {
        try (JsonReader reader = JSON_PROVIDER.createReader(json)) {
            List<DicomDataset> out = new ArrayList<>();
            for (JsonValue v : reader.readArray()) {
                out.add(read(asObject(v, "data set")));
            }
            return out;
        } catch (JsonException | ClassCastException e) {
            throw new InvalidDicomJsonException("not a JSON array of DICOM data sets: " + e.getMessage(), e);
        }
    }

    /**
     * Reads one data set from JSON text.
     *
     * @param json the JSON object text
     * @return the data set
     * @throws InvalidDicomJsonException when the text is not a DICOM JSON object
     */
    public static DicomDataset read(String json) {
        try (JsonReader reader = JSON_PROVIDER.createReader(new StringReader(json))) {
            return read(reader.readObject());
        } catch (JsonException e) {
            throw new InvalidDicomJsonException("not a DICOM JSON object: " + e.getMessage(), e);
        }
    }

    /**
     * Reads one data set from a parsed JSON object.
     *
     * @param object the object whose members are tags
     * @return the data set
     * @throws InvalidDicomJsonException when a member is not a DICOM JSON element
     */
    public static DicomDataset read(JsonObject object) {
        DicomDataset dataset = new DicomDataset();
        for (Map.Entry<String, JsonValue> member : object.entrySet()) {
            int tag;
            try {
                tag = Tag.parseHex(member.getKey());
            } catch (IllegalArgumentException e) {
                throw new InvalidDicomJsonException("member '" + member.getKey() + "' is not a tag (PS3.18 §F.2.1.1)", e);
            }
            dataset.put(element(tag, asObject(member.getValue(), Tag.toDisplay(tag))));
        }
        return dataset;
    }

    private static DicomElement element(int tag, JsonObject json) {
        Vr vr;
        try {
            vr = Vr.valueOf(json.getString("vr"));
        } catch (RuntimeException e) {
            throw new InvalidDicomJsonException(Tag.toDisplay(tag) + " has no valid 'vr' (PS3.18 §F.2.3)", e);
        }
        try {
            if (json.containsKey("InlineBinary")) {
                byte[] bytes = Base64.getDecoder().decode(json.getString("InlineBinary"));
                return new DicomElement(tag, vr, List.of(), bytes, null);
            }
            if (json.containsKey("BulkDataURI")) {
                return new DicomElement(tag, vr, List.of(), null, json.getString("BulkDataURI"));
            }
            List<Object> values = new ArrayList<>();
            JsonArray array = json.containsKey("Value") ? json.getJsonArray("Value") : JsonValue.EMPTY_JSON_ARRAY;
            for (JsonValue v : array) {
                values.add(value(vr, v));
            }
            return new DicomElement(tag, vr, values, null, null);
        } catch (RuntimeException e) {
            if (e instanceof InvalidDicomJsonException ide) {
                throw ide;
            }
            throw new InvalidDicomJsonException(Tag.toDisplay(tag) + " " + vr + ": " + e.getMessage(), e);
        }
    }

    private static Object value(Vr vr, JsonValue v) {
        if (v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (vr == Vr.SQ) {
            return read(asObject(v, "item"));
        }
        if (vr == Vr.PN) {
            if (v instanceof JsonString s) {
                return PersonName.parse(s.getString());
            }
            JsonObject pn = asObject(v, "person name");
            return new PersonName(pn.getString("Alphabetic", null), pn.getString("Ideographic", null),
                    pn.getString("Phonetic", null));
        }
        if (vr.isNumeric()) {
            BigDecimal n = v instanceof JsonNumber num ? num.bigDecimalValue()
                    : new BigDecimal(((JsonString) v).getString().strip());
            if (vr.isInteger()) {
                return n.longValueExact();
            }
            return vr == Vr.DS ? n : (Object) n.doubleValue();
        }
        return ((JsonString) v).getString();
    }

    private static JsonObject asObject(JsonValue v, String what) {
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidDicomJsonException(what + " is not a JSON object (PS3.18 §F.2)", null);
        }
        return v.asJsonObject();
    }
}
