package org.imagingexchange.registry.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imagingexchange.kit.fhir.FhirBase;
import org.imagingexchange.registry.domain.DateRange;
import org.imagingexchange.registry.domain.FieldSelection;
import org.imagingexchange.registry.domain.InvalidQueryParameterException;
import org.imagingexchange.registry.domain.Paging;
import org.imagingexchange.registry.domain.PatientIdentifier;
import org.imagingexchange.registry.domain.QidoQueryParser;
import org.imagingexchange.registry.domain.StudyQuery;

/**
 * Parses the FHIR R4 ImagingStudy search parameters the registry supports into a study query:
 * {@code patient:identifier} / {@code patient.identifier} ([system|]value: any of the patient's
 * identifiers), {@code identifier} (Study Instance UID as {@code urn:dicom:uid|urn:oid:...} or a bare
 * {@code urn:oid:}, otherwise the accession number), {@code modality} ([system|]code, comma for OR),
 * {@code started} (date with prefix eq, ge, gt, le, lt; twice for a range), {@code _count}, {@code _offset}.
 * Unknown, repeated single-valued and malformed parameters are refused (400) rather than ignored. Pure.
 */
final class ImagingStudySearchParameters {

    static final String PATIENT_IDENTIFIER = "patient:identifier";
    static final String PATIENT_DOT_IDENTIFIER = "patient.identifier";
    static final int DEFAULT_COUNT = 100;
    private static final Set<String> KNOWN = Set.of(PATIENT_IDENTIFIER, PATIENT_DOT_IDENTIFIER, "identifier", "modality",
            "started", FhirBase.COUNT, FhirBase.OFFSET);
    private static final String OID = "urn:oid:";

    private ImagingStudySearchParameters() {
    }

    /**
     * @param params decoded query parameters
     * @return the study query with FHIR paging
     * @throws InvalidQueryParameterException 400 naming the parameter
     */
    static StudyQuery parse(Map<String, List<String>> params) {
        for (String name : params.keySet()) {
            if (!KNOWN.contains(name)) {
                throw new InvalidQueryParameterException(name, "not a search parameter of ImagingStudy here; supported: "
                        + KNOWN.stream().sorted().toList());
            }
        }
        String patientToken = single(params, PATIENT_IDENTIFIER);
        String chained = single(params, PATIENT_DOT_IDENTIFIER);
        if (patientToken != null && chained != null) {
            throw new InvalidQueryParameterException(PATIENT_DOT_IDENTIFIER, "give the patient once");
        }
        PatientIdentifier patient = patientToken != null ? patient(PATIENT_IDENTIFIER, patientToken)
                : chained != null ? patient(PATIENT_DOT_IDENTIFIER, chained) : null;
        Set<String> uids = new LinkedHashSet<>();
        String accession = null;
        String identifier = single(params, "identifier");
        if (identifier != null) {
            String value = identifier.contains("|") ? identifier.substring(identifier.indexOf('|') + 1) : identifier;
            if (value.startsWith(OID)) {
                uids.add(QidoQueryParser.uid("identifier", value.substring(OID.length())));
            } else if (!value.isBlank()) {
                accession = value;
            } else {
                throw new InvalidQueryParameterException("identifier", "the identifier value is empty");
            }
        }
        Paging paging = new Paging(number(params, FhirBase.OFFSET, 0, 0, Integer.MAX_VALUE),
                number(params, FhirBase.COUNT, DEFAULT_COUNT, 1, Paging.MAX_LIMIT));
        return new StudyQuery(patient == null ? null : patient.value().replace("*", "").replace("?", ""),
                patient == null || patient.issuer().isEmpty() ? null : patient.issuer(), null, false,
                started(params.get("started")), null, modalities(single(params, "modality")), uids, accession, null, null,
                FieldSelection.DEFAULT, paging);
    }

    private static PatientIdentifier patient(String name, String token) {
        int bar = token.indexOf('|');
        String system = bar < 0 ? null : token.substring(0, bar);
        String value = bar < 0 ? token : token.substring(bar + 1);
        if (value.isBlank()) {
            throw new InvalidQueryParameterException(name, "the identifier value is empty");
        }
        return new PatientIdentifier(value, system);
    }

    private static List<String> modalities(String token) {
        List<String> out = new ArrayList<>();
        if (token == null) {
            return out;
        }
        for (String part : token.split(",", -1)) {
            String code = part.contains("|") ? part.substring(part.indexOf('|') + 1) : part;
            if (code.isBlank()) {
                throw new InvalidQueryParameterException("modality", "an empty code");
            }
            out.add(code.strip());
        }
        return out;
    }

    /** FHIR date search (R4 search.html#date) on the study date: eq (default), ge, gt, le, lt; at most two. */
    private static DateRange started(List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 2) {
            throw new InvalidQueryParameterException("started", "at most two values (a range)");
        }
        LocalDate from = null;
        LocalDate to = null;
        for (String v : values) {
            if (v.isBlank() || v.length() < 3) {
                throw new InvalidQueryParameterException("started", "'" + v + "' is not a FHIR date search value");
            }
            boolean hasPrefix = Character.isLetter(v.charAt(0));
            String prefix = hasPrefix ? v.substring(0, 2) : "eq";
            LocalDate d = date(hasPrefix ? v.substring(2) : v);
            switch (prefix) {
                case "eq" -> {
                    from = d;
                    to = d;
                }
                case "ge" -> from = d;
                case "gt" -> from = d.plusDays(1);
                case "le" -> to = d;
                case "lt" -> to = d.minusDays(1);
                default -> throw new InvalidQueryParameterException("started", "prefix '" + prefix + "' is not supported");
            }
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidQueryParameterException("started", "the range starts after it ends");
        }
        return new DateRange(from, to);
    }

    private static LocalDate date(String text) {
        String day = text.length() >= 10 ? text.substring(0, 10) : text;
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new InvalidQueryParameterException("started", "'" + text + "' is not a FHIR date (YYYY-MM-DD)");
        }
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        if (v != null && v.size() > 1) {
            throw new InvalidQueryParameterException(name, "given more than once");
        }
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static int number(Map<String, List<String>> params, String name, int absent, int min, int max) {
        String v = single(params, name);
        if (v == null) {
            return absent;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min || n > max) {
                throw new InvalidQueryParameterException(name, "must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidQueryParameterException(name, "'" + v + "' is not an integer");
        }
    }
}
