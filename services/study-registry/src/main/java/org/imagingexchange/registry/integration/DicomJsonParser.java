package org.imagingexchange.registry.integration;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imagingexchange.registry.domain.DateRange;
import org.imagingexchange.registry.domain.DicomAttribute;
import org.imagingexchange.registry.domain.Instance;
import org.imagingexchange.registry.domain.PatientIdentifier;
import org.imagingexchange.registry.domain.Series;
import org.imagingexchange.registry.domain.Study;
import org.imagingexchange.registry.domain.StudyManifest;

/**
 * Reads QIDO-RS responses in the DICOM JSON model (PS3.18 Annex F) into domain values. Absent
 * attributes (or attributes without {@code Value}) become null / empty; PN values keep all component
 * groups as one DICOM PN string ({@code Alphabetic=Ideographic=Phonetic}, F.2.2); IS values are read
 * whether sent as JSON numbers or strings. Pure and thread-safe.
 */
public final class DicomJsonParser {

    private static final String PN_GROUP_SEPARATOR = "=";

    private DicomJsonParser() {
    }

    /**
     * @param results a study-level QIDO-RS answer (array of DICOM JSON objects)
     * @return the studies with the counts the source reports (Number of Study Related Series/Instances,
     *         0 when absent) and no custodian (the index assigns it)
     * @throws MalformedDicomJsonException when an element is not an object or lacks Study Instance UID
     */
    public static List<Study> studies(JsonArray results) {
        List<Study> out = new ArrayList<>(results.size());
        for (JsonObject o : objects(results)) {
            out.add(new Study(requiredUid(o, DicomAttribute.STUDY_INSTANCE_UID), string(o, DicomAttribute.PATIENT_ID),
                    string(o, DicomAttribute.ISSUER_OF_PATIENT_ID), personName(o, DicomAttribute.PATIENT_NAME),
                    date(o, DicomAttribute.PATIENT_BIRTH_DATE), string(o, DicomAttribute.PATIENT_SEX),
                    date(o, DicomAttribute.STUDY_DATE), string(o, DicomAttribute.STUDY_TIME),
                    string(o, DicomAttribute.ACCESSION_NUMBER), accessionIssuer(o), string(o, DicomAttribute.STUDY_ID),
                    string(o, DicomAttribute.STUDY_DESCRIPTION), personName(o, DicomAttribute.REFERRING_PHYSICIAN_NAME),
                    string(o, DicomAttribute.INSTITUTION_NAME), strings(o, DicomAttribute.MODALITIES_IN_STUDY),
                    strings(o, DicomAttribute.SOP_CLASSES_IN_STUDY), List.of(), otherPatientIds(o),
                    orZero(integer(o, DicomAttribute.NUMBER_OF_STUDY_RELATED_SERIES)),
                    orZero(integer(o, DicomAttribute.NUMBER_OF_STUDY_RELATED_INSTANCES)), null));
        }
        return out;
    }

    /**
     * Groups an instance-level answer within one study (PS3.18 §10.6.1, {@code /studies/{uid}/instances},
     * which carries the series attributes of each instance) into series with their instances.
     *
     * @param results the instance-level answer
     * @return series in order of first appearance, each with its instances (instance counts not yet derived)
     * @throws MalformedDicomJsonException when an element lacks SOP Instance UID or Series Instance UID
     */
    public static List<StudyManifest.SeriesManifest> studyContents(JsonArray results) {
        return contents(objects(results));
    }

    /**
     * Groups an instance-level answer over several studies (PS3.18 §10.6.1, {@code /instances} with a
     * Study Instance UID list) by study, then into series with their instances.
     *
     * @param results the instance-level answer
     * @return by Study Instance UID in order of first appearance: series, each with its instances
     * @throws MalformedDicomJsonException when an element lacks Study, Series or SOP Instance UID
     */
    public static Map<String, List<StudyManifest.SeriesManifest>> contentsByStudy(JsonArray results) {
        Map<String, List<JsonObject>> byStudy = new LinkedHashMap<>();
        for (JsonObject o : objects(results)) {
            byStudy.computeIfAbsent(requiredUid(o, DicomAttribute.STUDY_INSTANCE_UID), k -> new ArrayList<>()).add(o);
        }
        Map<String, List<StudyManifest.SeriesManifest>> out = new LinkedHashMap<>();
        byStudy.forEach((uid, objects) -> out.put(uid, contents(objects)));
        return out;
    }

    private static List<StudyManifest.SeriesManifest> contents(List<JsonObject> objects) {
        Map<String, Series> series = new LinkedHashMap<>();
        Map<String, List<Instance>> instances = new LinkedHashMap<>();
        for (JsonObject o : objects) {
            String seriesUid = requiredUid(o, DicomAttribute.SERIES_INSTANCE_UID);
            series.putIfAbsent(seriesUid, new Series(seriesUid, string(o, DicomAttribute.MODALITY),
                    integer(o, DicomAttribute.SERIES_NUMBER), string(o, DicomAttribute.SERIES_DESCRIPTION),
                    string(o, DicomAttribute.BODY_PART_EXAMINED), 0));
            instances.computeIfAbsent(seriesUid, k -> new ArrayList<>()).add(new Instance(
                    requiredUid(o, DicomAttribute.SOP_INSTANCE_UID), string(o, DicomAttribute.SOP_CLASS_UID),
                    integer(o, DicomAttribute.INSTANCE_NUMBER), integer(o, DicomAttribute.NUMBER_OF_FRAMES)));
        }
        List<StudyManifest.SeriesManifest> out = new ArrayList<>(series.size());
        series.forEach((uid, s) -> out.add(new StudyManifest.SeriesManifest(s, instances.get(uid))));
        return out;
    }

    /**
     * @param results a series-level QIDO-RS answer
     * @return the series (instance counts 0: the crawler counts them)
     * @throws MalformedDicomJsonException when an element is not an object or lacks Series Instance UID
     */
    public static List<Series> series(JsonArray results) {
        List<Series> out = new ArrayList<>(results.size());
        for (JsonObject o : objects(results)) {
            out.add(new Series(requiredUid(o, DicomAttribute.SERIES_INSTANCE_UID), string(o, DicomAttribute.MODALITY),
                    integer(o, DicomAttribute.SERIES_NUMBER), string(o, DicomAttribute.SERIES_DESCRIPTION),
                    string(o, DicomAttribute.BODY_PART_EXAMINED), 0));
        }
        return out;
    }

    /**
     * @param results an instance-level QIDO-RS answer
     * @return the instances
     * @throws MalformedDicomJsonException when an element is not an object or lacks SOP Instance UID
     */
    public static List<Instance> instances(JsonArray results) {
        List<Instance> out = new ArrayList<>(results.size());
        for (JsonObject o : objects(results)) {
            out.add(new Instance(requiredUid(o, DicomAttribute.SOP_INSTANCE_UID), string(o, DicomAttribute.SOP_CLASS_UID),
                    integer(o, DicomAttribute.INSTANCE_NUMBER), integer(o, DicomAttribute.NUMBER_OF_FRAMES)));
        }
        return out;
    }

    /**
     * @param o         a DICOM JSON object
     * @param attribute the attribute
     * @return its first value as text (numbers as their decimal text); null when absent or empty
     * @throws MalformedDicomJsonException when the value is of an unexpected JSON type
     */
    public static String string(JsonObject o, DicomAttribute attribute) {
        List<String> values = strings(o, attribute);
        return values.isEmpty() ? null : values.get(0);
    }

    /**
     * @param o         a DICOM JSON object
     * @param attribute a possibly multi-valued attribute
     * @return its non-empty values in order; empty when absent
     * @throws MalformedDicomJsonException when a value is of an unexpected JSON type
     */
    public static List<String> strings(JsonObject o, DicomAttribute attribute) {
        JsonArray values = values(o, attribute);
        List<String> out = new ArrayList<>(values.size());
        for (JsonValue v : values) {
            String text = switch (v.getValueType()) {
                case STRING -> ((JsonString) v).getString().strip();
                case NUMBER -> ((JsonNumber) v).toString();
                case NULL -> "";
                case OBJECT -> "SQ".equals(attribute.vr()) ? "" : personNameGroups(v.asJsonObject(), attribute);
                default -> throw new MalformedDicomJsonException(attribute.keyword() + " has a value of type " + v.getValueType());
            };
            if (!text.isEmpty()) {
                out.add(text);
            }
        }
        return out;
    }

    /**
     * @param o         a DICOM JSON object
     * @param attribute an IS attribute
     * @return its first value as integer; null when absent or not an integer
     */
    public static Integer integer(JsonObject o, DicomAttribute attribute) {
        String text = string(o, attribute);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * @param o         a DICOM JSON object
     * @param attribute a PN attribute
     * @return the first name as PN string with component groups joined by {@code =}; null when absent
     */
    public static String personName(JsonObject o, DicomAttribute attribute) {
        return string(o, attribute);
    }

    /**
     * @param o         a DICOM JSON object
     * @param attribute a DA attribute
     * @return the date; null when absent or not a YYYYMMDD date (sources are not always clean)
     */
    public static LocalDate date(JsonObject o, DicomAttribute attribute) {
        String text = string(o, attribute);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text, DateRange.DA);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String personNameGroups(JsonObject pn, DicomAttribute attribute) {
        if (!"PN".equals(attribute.vr())) {
            throw new MalformedDicomJsonException(attribute.keyword() + " has an object value but is not PN");
        }
        String[] groups = {pn.getString("Alphabetic", ""), pn.getString("Ideographic", ""), pn.getString("Phonetic", "")};
        int last = groups.length - 1;
        while (last >= 0 && groups[last].isEmpty()) {
            last--;
        }
        return String.join(PN_GROUP_SEPARATOR, java.util.Arrays.copyOf(groups, last + 1));
    }

    private static JsonArray values(JsonObject o, DicomAttribute attribute) {
        JsonValue element = o.get(attribute.tag());
        if (element == null || element.getValueType() == JsonValue.ValueType.NULL) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        if (element.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedDicomJsonException(attribute.keyword() + " (" + attribute.tag() + ") is not a DICOM JSON element object");
        }
        JsonValue value = element.asJsonObject().get("Value");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new MalformedDicomJsonException(attribute.keyword() + " Value is not an array");
        }
        return value.asJsonArray();
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : n;
    }

    /** Other Patient IDs Sequence (0010,1002) items: Patient ID with Issuer of Patient ID. */
    private static List<PatientIdentifier> otherPatientIds(JsonObject o) {
        List<PatientIdentifier> out = new ArrayList<>();
        for (JsonValue item : values(o, DicomAttribute.OTHER_PATIENT_IDS_SEQUENCE)) {
            if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new MalformedDicomJsonException("an OtherPatientIDsSequence item is not an object");
            }
            String id = string(item.asJsonObject(), DicomAttribute.PATIENT_ID);
            if (id != null) {
                out.add(new PatientIdentifier(id, string(item.asJsonObject(), DicomAttribute.ISSUER_OF_PATIENT_ID)));
            }
        }
        return out;
    }

    /** Issuer of Accession Number Sequence (0008,0051): the Local Namespace Entity ID of its first item. */
    private static String accessionIssuer(JsonObject o) {
        for (JsonValue item : values(o, DicomAttribute.ISSUER_OF_ACCESSION_NUMBER_SEQUENCE)) {
            if (item.getValueType() == JsonValue.ValueType.OBJECT) {
                return string(item.asJsonObject(), DicomAttribute.LOCAL_NAMESPACE_ENTITY_ID);
            }
        }
        return null;
    }

    private static String requiredUid(JsonObject o, DicomAttribute attribute) {
        String uid = string(o, attribute);
        if (uid == null) {
            throw new MalformedDicomJsonException("a result has no " + attribute.keyword());
        }
        return uid;
    }

    private static List<JsonObject> objects(JsonArray results) {
        List<JsonObject> out = new ArrayList<>(results.size());
        for (JsonValue v : results) {
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new MalformedDicomJsonException("a result is not a JSON object");
            }
            out.add(v.asJsonObject());
        }
        return out;
    }
}
