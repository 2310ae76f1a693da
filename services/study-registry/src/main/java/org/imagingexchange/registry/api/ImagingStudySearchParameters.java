package org.imagingexchange.registry.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imagingexchange.kit.search.InvalidSearchParameterException;
import org.imagingexchange.kit.search.SearchParameters;
import org.imagingexchange.registry.domain.DateRange;
import org.imagingexchange.registry.domain.FieldSelection;
import org.imagingexchange.registry.domain.Paging;
import org.imagingexchange.registry.domain.PatientIdentifier;
import org.imagingexchange.registry.domain.QidoQueryParser;
import org.imagingexchange.registry.domain.StudyQuery;

/**
 * Parses the FHIR R4 ImagingStudy search parameters the registry supports into a study query:
 * {@code patient:identifier} / {@code patient.identifier} ([system|]value: any of the patient's
 * identifiers), {@code identifier} (Study Instance UID as {@code urn:dicom:uid|urn:oid:...} or a bare
 * {@code urn:oid:}, otherwise the accession number), {@code modality} ([system|]code, comma for OR),
 * {@code started} (date with prefix eq, ge, gt, le, lt; twice for a range), {@code bodysite} ([system|]code, comma
 * for OR: the DICOM Body Part Examined (0018,0015) of any series, e.g. {@code CHEST}), {@code _count}, {@code _offset}.
 * Unknown and repeated single-valued parameters and bad paging numbers are refused (400) by the kit's shared
 * {@link SearchParameters} rule ({@code _count} 1..{@value Paging#MAX_LIMIT} here); malformed values of the
 * ImagingStudy parameters are refused here. Pure.
 */
final class ImagingStudySearchParameters {

    static final String PATIENT_IDENTIFIER = "patient:identifier";
    static final String PATIENT_DOT_IDENTIFIER = "patient.identifier";
    static final int DEFAULT_COUNT = 100;
    private static final Set<String> KNOWN = Set.of(PATIENT_IDENTIFIER, PATIENT_DOT_IDENTIFIER, "identifier", "modality",
            "started", "bodysite", SearchParameters.COUNT, SearchParameters.OFFSET);
    private static final String OID = "urn:oid:";

    private ImagingStudySearchParameters() {
    }

    /**
     * @param query decoded query parameters
     * @return the study query with FHIR paging
     * @throws InvalidSearchParameterException 400 naming the parameter
     */
    static StudyQuery parse(Map<String, List<String>> query) {
        SearchParameters params = SearchParameters.of(query, KNOWN);
        String patientToken = params.single(PATIENT_IDENTIFIER);
        String chained = params.single(PATIENT_DOT_IDENTIFIER);
        if (patientToken != null && chained != null) {
            throw new InvalidSearchParameterException(PATIENT_DOT_IDENTIFIER, "give the patient once");
        }
        PatientIdentifier patient = patientToken != null ? patient(PATIENT_IDENTIFIER, patientToken)
                : chained != null ? patient(PATIENT_DOT_IDENTIFIER, chained) : null;
        Set<String> uids = new LinkedHashSet<>();
        String accession = null;
        String identifier = params.single("identifier");
        if (identifier != null) {
            String value = identifier.contains("|") ? identifier.substring(identifier.indexOf('|') + 1) : identifier;
            if (value.startsWith(OID)) {
                uids.add(QidoQueryParser.uid("identifier", value.substring(OID.length())));
            } else if (!value.isBlank()) {
                accession = value;
            } else {
                throw new InvalidSearchParameterException("identifier", "the identifier value is empty");
            }
        }
        Paging paging = new Paging(params.offset(), params.integer(SearchParameters.COUNT, DEFAULT_COUNT, 1, Paging.MAX_LIMIT));
        return new StudyQuery(patient == null ? null : patient.value().replace("*", "").replace("?", ""),
                patient == null || patient.issuer().isEmpty() ? null : patient.issuer(), null, false,
                started(params.all("started")), null, codes("modality", params.single("modality")), uids, accession, null,
                null, codes("bodysite", params.single("bodysite")), FieldSelection.DEFAULT, paging);
    }

    private static PatientIdentifier patient(String name, String token) {
        int bar = token.indexOf('|');
        String system = bar < 0 ? null : token.substring(0, bar);
        String value = bar < 0 ? token : token.substring(bar + 1);
        if (value.isBlank()) {
            throw new InvalidSearchParameterException(name, "the identifier value is empty");
        }
        return new PatientIdentifier(value, system);
    }

    /** @return the codes of a token parameter ([system|]code, comma for OR); empty when absent */
    private static List<String> codes(String name, String token) {
        List<String> out = new ArrayList<>();
        if (token == null) {
            return out;
        }
        for (String part : token.split(",", -1)) {
            String code = part.contains("|") ? part.substring(part.indexOf('|') + 1) : part;
            if (code.isBlank()) {
                throw new InvalidSearchParameterException(name, "an empty code");
            }
            out.add(code.strip());
        }
        return out;
    }

    /** FHIR date search (R4 search.html#date) on the study date: eq (default), ge, gt, le, lt; at most two. */
    private static DateRange started(List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 2) {
            throw new InvalidSearchParameterException("started", "at most two values (a range)");
        }
        LocalDate from = null;
        LocalDate to = null;
        for (String v : values) {
            if (v.isBlank() || v.length() < 3) {
                throw new InvalidSearchParameterException("started", "'" + v + "' is not a FHIR date search value");
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
                default -> throw new InvalidSearchParameterException("started", "prefix '" + prefix + "' is not supported");
            }
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidSearchParameterException("started", "the range starts after it ends");
        }
        return new DateRange(from, to);
    }

    private static LocalDate date(String text) {
        String day = text.length() >= 10 ? text.substring(0, 10) : text;
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new InvalidSearchParameterException("started", "'" + text + "' is not a FHIR date (YYYY-MM-DD)");
        }
    }
}
