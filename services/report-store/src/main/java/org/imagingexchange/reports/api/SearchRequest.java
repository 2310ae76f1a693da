package org.imagingexchange.reports.api;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imagingexchange.reports.domain.InvalidSearchParameterException;
import org.imagingexchange.reports.domain.PatientIdentifier;
import org.imagingexchange.reports.domain.ReportCriteria;
import org.imagingexchange.reports.domain.StudyInstanceUid;

/**
 * The parameters of {@code GET /fhir/DiagnosticReport} (FHIR R4 search): {@code patient:identifier=[system|]value},
 * {@code study-instance-uid=<uid>} (also {@code urn:oid:<uid>}), {@code identifier=urn:dicom:uid|urn:oid:<uid>},
 * {@code _count}, {@code _offset}. Unknown parameters are refused (400) rather than silently ignored.
 *
 * @param criteria what to match
 * @param count    page size (number of reports), 0..max
 * @param offset   index of the first permitted match to return
 */
public record SearchRequest(ReportCriteria criteria, int count, int offset) {

    /** Parameter: patient identifier token. */
    public static final String PATIENT_IDENTIFIER = "patient:identifier";
    /** Parameter: Study Instance UID (A.1.8.10). */
    public static final String STUDY_INSTANCE_UID = "study-instance-uid";
    /** Parameter: report identifier token; only {@code urn:dicom:uid|urn:oid:<uid>} is supported. */
    public static final String IDENTIFIER = "identifier";

    private static final Set<String> KNOWN = Set.of(PATIENT_IDENTIFIER, STUDY_INSTANCE_UID, IDENTIFIER, "_count",
            "_offset", "_format");

    /**
     * @param params       decoded query parameters
     * @param defaultCount page size when {@code _count} is absent
     * @param maxCount     upper bound of the page size
     * @return the parsed request
     * @throws InvalidSearchParameterException (400) naming the first bad parameter
     */
    public static SearchRequest parse(Map<String, List<String>> params, int defaultCount, int maxCount) {
        for (String name : params.keySet()) {
            if (!KNOWN.contains(name)) {
                throw new InvalidSearchParameterException(name, "unsupported parameter; use " + PATIENT_IDENTIFIER
                        + ", " + STUDY_INSTANCE_UID + ", " + IDENTIFIER + ", _count or _offset");
            }
        }
        PatientIdentifier.Query patient = single(params, PATIENT_IDENTIFIER) == null ? null
                : PatientIdentifier.parseToken(PATIENT_IDENTIFIER, single(params, PATIENT_IDENTIFIER));
        StudyInstanceUid uid = studyUid(params);
        int count = Math.min(integer(params, "_count", defaultCount), maxCount);
        return new SearchRequest(new ReportCriteria(patient, uid), count, integer(params, "_offset", 0));
    }

    private static StudyInstanceUid studyUid(Map<String, List<String>> params) {
        String plain = single(params, STUDY_INSTANCE_UID);
        String token = single(params, IDENTIFIER);
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

    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new InvalidSearchParameterException(name, "give the parameter once");
        }
        return values.get(0);
    }

    private static int integer(Map<String, List<String>> params, String name, int absent) {
        String text = single(params, name);
        if (text == null) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value < 0) {
                throw new InvalidSearchParameterException(name, "must not be negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidSearchParameterException(name, "'" + text + "' is not an integer");
        }
    }
}
