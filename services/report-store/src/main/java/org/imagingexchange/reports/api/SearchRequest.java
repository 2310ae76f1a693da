package org.imagingexchange.reports.api;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imagingexchange.kit.search.InvalidSearchParameterException;
import org.imagingexchange.kit.search.SearchParameters;
import org.imagingexchange.reports.domain.PatientIdentifier;
import org.imagingexchange.reports.domain.ReportCriteria;
import org.imagingexchange.reports.domain.StudyInstanceUid;

/**
 * The parameters of {@code GET /fhir/DiagnosticReport} (FHIR R4 search): {@code patient:identifier=[system|]value},
 * {@code study-instance-uid=<uid>} (also {@code urn:oid:<uid>}), {@code identifier=urn:dicom:uid|urn:oid:<uid>},
 * {@code _count}, {@code _offset}, checked by the kit's shared {@link SearchParameters} rule (unknown or
 * repeated parameters, {@code _count} below 1, negative {@code _offset}: 400 naming the parameter).
 *
 * @param criteria what to match
 * @param count    page size (number of reports), 1..max
 * @param offset   index of the first permitted match to return
 */
public record SearchRequest(ReportCriteria criteria, int count, int offset) {

    /** Parameter: patient identifier token. */
    public static final String PATIENT_IDENTIFIER = "patient:identifier";
    /** Parameter: Study Instance UID (A.1.8.10). */
    public static final String STUDY_INSTANCE_UID = "study-instance-uid";
    /** Parameter: report identifier token; only {@code urn:dicom:uid|urn:oid:<uid>} is supported. */
    public static final String IDENTIFIER = "identifier";

    private static final Set<String> SUPPORTED = Set.of(PATIENT_IDENTIFIER, STUDY_INSTANCE_UID, IDENTIFIER,
            SearchParameters.COUNT, SearchParameters.OFFSET);

    /**
     * @param query        decoded query parameters
     * @param defaultCount page size when {@code _count} is absent
     * @param maxCount     upper bound of the page size (a larger {@code _count} gives this many)
     * @return the parsed request
     * @throws InvalidSearchParameterException (400) naming the first bad parameter: unknown, repeated,
     *         malformed, {@code _count} below 1 or {@code _offset} below 0 (the kit's shared rule)
     */
    public static SearchRequest parse(Map<String, List<String>> query, int defaultCount, int maxCount) {
        SearchParameters params = SearchParameters.of(query, SUPPORTED);
        String patientToken = params.single(PATIENT_IDENTIFIER);
        PatientIdentifier.Query patient = patientToken == null ? null
                : PatientIdentifier.parseToken(PATIENT_IDENTIFIER, patientToken);
        StudyInstanceUid uid = studyUid(params);
        return new SearchRequest(new ReportCriteria(patient, uid), params.count(defaultCount, maxCount), params.offset());
    }

    private static StudyInstanceUid studyUid(SearchParameters params) {
        String plain = params.single(STUDY_INSTANCE_UID);
        String token = params.single(IDENTIFIER);
        StudyInstanceUid fromPlain = null;
        if (plain != null) {
            String text = plain.startsWith(StudyInstanceUid.URN_PREFIX) ? plain.substring(StudyInstanceUid.URN_PREFIX.length()) : plain;
            if (!StudyInstanceUid.valid(text)) {
                throw new InvalidSearchParameterException(STUDY_INSTANCE_UID, "'" + plain + "' is not a DICOM UID");
            }
            fromPlain = new StudyInstanceUid(text);
        }
        StudyInstanceUid fromToken = null;
        if (token != null) {
            String prefix = StudyInstanceUid.SYSTEM + "|";
            fromToken = token.startsWith(prefix) ? StudyInstanceUid.fromUrn(token.substring(prefix.length())).orElse(null) : null;
            if (fromToken == null) {
                throw new InvalidSearchParameterException(IDENTIFIER, "only " + prefix + "urn:oid:<Study Instance UID> is supported");
            }
        }
        if (fromPlain != null && fromToken != null && !fromPlain.equals(fromToken)) {
            throw new InvalidSearchParameterException(IDENTIFIER, "names another study than " + STUDY_INSTANCE_UID);
        }
        return fromPlain != null ? fromPlain : fromToken;
    }
}
