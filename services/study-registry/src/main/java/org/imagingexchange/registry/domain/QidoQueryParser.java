package org.imagingexchange.registry.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.imagingexchange.dicom.Uid;

/**
 * Parses and validates QIDO-RS query parameters (PS3.18 §8.3.4) into typed queries: matching keys
 * by keyword or tag, {@code limit}, {@code offset}, {@code includefield}, {@code fuzzymatching}.
 * Keys the registry cannot match at the level are rejected (400) rather than silently ignored, so
 * a misspelt key never widens a search. Pure and thread-safe.
 */
public final class QidoQueryParser {

    private static final Set<String> CONTROL = Set.of("limit", "offset", "includefield", "fuzzymatching");

    /** PS3.18 Table 10.6.1-5 study keys, plus IssuerOfPatientID. */
    private static final Set<DicomAttribute> STUDY_KEYS = EnumSet.of(DicomAttribute.PATIENT_ID,
            DicomAttribute.ISSUER_OF_PATIENT_ID, DicomAttribute.PATIENT_NAME, DicomAttribute.STUDY_DATE,
            DicomAttribute.STUDY_TIME, DicomAttribute.MODALITIES_IN_STUDY, DicomAttribute.STUDY_INSTANCE_UID,
            DicomAttribute.ACCESSION_NUMBER, DicomAttribute.REFERRING_PHYSICIAN_NAME, DicomAttribute.STUDY_ID);
    private static final Set<DicomAttribute> SERIES_KEYS = EnumSet.of(DicomAttribute.MODALITY,
            DicomAttribute.SERIES_INSTANCE_UID);
    private static final Set<DicomAttribute> INSTANCE_KEYS = EnumSet.of(DicomAttribute.SOP_INSTANCE_UID,
            DicomAttribute.SOP_CLASS_UID);

    private QidoQueryParser() {
    }

    /**
     * @param params decoded query parameters (name to values, as sent)
     * @return the study-level query
     * @throws InvalidQueryParameterException (400) for unknown keys, malformed dates/UIDs/paging
     */
    public static StudyQuery studies(Map<String, List<String>> params) {
        Map<DicomAttribute, List<String>> keys = matchingKeys(params, STUDY_KEYS, "study");
        String date = single(keys, DicomAttribute.STUDY_DATE);
        String time = single(keys, DicomAttribute.STUDY_TIME);
        return new StudyQuery(single(keys, DicomAttribute.PATIENT_ID), single(keys, DicomAttribute.ISSUER_OF_PATIENT_ID),
                single(keys, DicomAttribute.PATIENT_NAME), fuzzy(params),
                date == null || date.isBlank() ? null : DateRange.parse(DicomAttribute.STUDY_DATE.keyword(), date),
                time == null || time.isBlank() ? null : TimeRange.parse(DicomAttribute.STUDY_TIME.keyword(), time),
                values(keys, DicomAttribute.MODALITIES_IN_STUDY), uids(keys, DicomAttribute.STUDY_INSTANCE_UID),
                single(keys, DicomAttribute.ACCESSION_NUMBER), single(keys, DicomAttribute.REFERRING_PHYSICIAN_NAME),
                single(keys, DicomAttribute.STUDY_ID), List.of(), fields(params), paging(params));
    }

    /**
     * @param params decoded query parameters
     * @return the series-level query
     * @throws InvalidQueryParameterException (400) for unknown keys, malformed UIDs or paging
     */
    public static SeriesQuery series(Map<String, List<String>> params) {
        Map<DicomAttribute, List<String>> keys = matchingKeys(params, SERIES_KEYS, "series");
        return new SeriesQuery(values(keys, DicomAttribute.MODALITY), uids(keys, DicomAttribute.SERIES_INSTANCE_UID),
                fields(params), paging(params));
    }

    /**
     * @param params decoded query parameters
     * @return the instance-level query
     * @throws InvalidQueryParameterException (400) for unknown keys, malformed UIDs or paging
     */
    public static InstanceQuery instances(Map<String, List<String>> params) {
        Map<DicomAttribute, List<String>> keys = matchingKeys(params, INSTANCE_KEYS, "instance");
        return new InstanceQuery(uids(keys, DicomAttribute.SOP_INSTANCE_UID), uids(keys, DicomAttribute.SOP_CLASS_UID),
                fields(params), paging(params));
    }

    /**
     * A search across studies: {@code /series} (study and series keys), {@code /instances} and
     * {@code /studies/{study}/instances} (study, series and instance keys).
     *
     * @param params    decoded query parameters
     * @param instances true for an instance-level search
     * @return the query split by level
     * @throws InvalidQueryParameterException (400) for keys of no allowed level, malformed values or paging
     */
    public static CrossStudyQuery acrossStudies(Map<String, List<String>> params, boolean instances) {
        Map<String, List<String>> study = new java.util.HashMap<>();
        Map<String, List<String>> series = new java.util.HashMap<>();
        Map<String, List<String>> instance = new java.util.HashMap<>();
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            Optional<DicomAttribute> a = DicomAttribute.byName(e.getKey());
            if (CONTROL.contains(e.getKey())) {
                study.put(e.getKey(), e.getValue());
                series.put(e.getKey(), e.getValue());
                instance.put(e.getKey(), e.getValue());
            } else if (a.isPresent() && STUDY_KEYS.contains(a.get())) {
                study.put(e.getKey(), e.getValue());
            } else if (a.isPresent() && SERIES_KEYS.contains(a.get())) {
                series.put(e.getKey(), e.getValue());
            } else if (instances && a.isPresent() && INSTANCE_KEYS.contains(a.get())) {
                instance.put(e.getKey(), e.getValue());
            } else {
                throw new InvalidQueryParameterException(e.getKey(), "not a matching key the registry supports for a "
                        + (instances ? "instance" : "series") + "-level search across studies");
            }
        }
        return new CrossStudyQuery(studies(study), series(series), instances ? instances(instance) : null);
    }

    /**
     * The matching keys the registry supports, shared by QIDO-RS and C-FIND.
     *
     * @param attribute an attribute
     * @param series    true when series keys may match (series or instance level)
     * @param instance  true when instance keys may match (instance level)
     * @return true when the attribute is a matching key at those levels (study keys always are)
     */
    public static boolean isMatchingKey(DicomAttribute attribute, boolean series, boolean instance) {
        return STUDY_KEYS.contains(attribute) || series && SERIES_KEYS.contains(attribute)
                || instance && INSTANCE_KEYS.contains(attribute);
    }

    /**
     * Validates one UID (PS3.5 §9.1).
     *
     * @param parameter name for the error
     * @param uid       the value
     * @return the UID
     * @throws InvalidQueryParameterException (400) when it is not a UID
     */
    public static String uid(String parameter, String uid) {
        String problem = Uid.problem(uid);
        if (problem != null) {
            throw new InvalidQueryParameterException(parameter, "'" + uid + "' is not a DICOM UID (PS3.5 §9.1): " + problem);
        }
        return uid;
    }

    private static Map<DicomAttribute, List<String>> matchingKeys(Map<String, List<String>> params,
                                                                  Set<DicomAttribute> allowed, String level) {
        Map<DicomAttribute, List<String>> keys = new java.util.EnumMap<>(DicomAttribute.class);
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            if (CONTROL.contains(e.getKey())) {
                continue;
            }
            DicomAttribute attribute = DicomAttribute.byName(e.getKey())
                    .filter(allowed::contains)
                    .orElseThrow(() -> new InvalidQueryParameterException(e.getKey(),
                            "not a matching key the registry supports at " + level + " level; supported: "
                                    + allowed.stream().map(DicomAttribute::keyword).sorted().toList()));
            keys.computeIfAbsent(attribute, k -> new ArrayList<>()).addAll(e.getValue());
        }
        return keys;
    }

    private static String single(Map<DicomAttribute, List<String>> keys, DicomAttribute attribute) {
        List<String> v = keys.get(attribute);
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.size() > 1) {
            throw new InvalidQueryParameterException(attribute.keyword(), "given more than once");
        }
        return v.get(0);
    }

    /** Multiple values: repeated parameters, or one parameter with ',' (PS3.18) or '\' (PS3.5) separators. */
    private static List<String> values(Map<DicomAttribute, List<String>> keys, DicomAttribute attribute) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String v : keys.getOrDefault(attribute, List.of())) {
            for (String part : v.split("[,\\\\]")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return List.copyOf(out);
    }

    private static Set<String> uids(Map<DicomAttribute, List<String>> keys, DicomAttribute attribute) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : values(keys, attribute)) {
            out.add(uid(attribute.keyword(), v));
        }
        return out;
    }

    private static FieldSelection fields(Map<String, List<String>> params) {
        boolean all = false;
        Set<DicomAttribute> attributes = EnumSet.noneOf(DicomAttribute.class);
        for (String v : params.getOrDefault("includefield", List.of())) {
            for (String name : v.split(",")) {
                String n = name.strip();
                if (n.equals("all")) {
                    all = true;
                } else if (!n.isEmpty()) {
                    attributes.add(DicomAttribute.byName(n).orElseThrow(() -> new InvalidQueryParameterException(
                            "includefield", "'" + n + "' is not an attribute keyword or tag the registry knows")));
                }
            }
        }
        return new FieldSelection(all, attributes);
    }

    private static Paging paging(Map<String, List<String>> params) {
        int offset = integer(params, "offset", 0, Integer.MAX_VALUE, 0);
        int limit = integer(params, "limit", 1, Integer.MAX_VALUE, Paging.MAX_LIMIT);
        return limit > Paging.MAX_LIMIT ? new Paging(offset, Paging.MAX_LIMIT, true) : new Paging(offset, limit);
    }

    /** {@code fuzzymatching} (PS3.18 §8.3.4.1): {@code true} or {@code false}, default false. */
    private static boolean fuzzy(Map<String, List<String>> params) {
        List<String> v = params.get("fuzzymatching");
        if (v == null || v.isEmpty()) {
            return false;
        }
        if (v.size() > 1) {
            throw new InvalidQueryParameterException("fuzzymatching", "given more than once");
        }
        return switch (v.get(0).strip()) {
            case "true" -> true;
            case "false", "" -> false;
            default -> throw new InvalidQueryParameterException("fuzzymatching", "must be true or false");
        };
    }

    private static int integer(Map<String, List<String>> params, String name, int min, int max, int absent) {
        List<String> v = params.get(name);
        if (v == null || v.isEmpty()) {
            return absent;
        }
        if (v.size() > 1) {
            throw new InvalidQueryParameterException(name, "given more than once");
        }
        try {
            int n = Integer.parseInt(v.get(0).strip());
            if (n < min || n > max) {
                throw new InvalidQueryParameterException(name, "must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidQueryParameterException(name, "'" + v.get(0) + "' is not an integer");
        }
    }
}
