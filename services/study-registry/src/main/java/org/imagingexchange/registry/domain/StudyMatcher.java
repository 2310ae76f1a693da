package org.imagingexchange.registry.domain;

/**
 * Decides whether an indexed study satisfies a study-level QIDO-RS query, applying PS3.4 C.2.2.2
 * matching per key (all keys must match). Pure and thread-safe.
 */
public final class StudyMatcher {

    private StudyMatcher() {
    }

    /**
     * @param query the query
     * @param study the indexed study
     * @return true when every key of the query matches
     */
    public static boolean matches(StudyQuery query, Study study) {
        return AttributeMatching.matchesUidList(query.studyInstanceUids(), study.studyInstanceUid())
                && AttributeMatching.matches(query.patientId(), emptyToNull(study.patientId()), false)
                && AttributeMatching.matchesPersonName(query.patientName(), study.patientName())
                && (query.studyDate() == null || query.studyDate().contains(study.studyDate()))
                && AttributeMatching.matchesAny(query.modalitiesInStudy(), study.modalitiesInStudy())
                && AttributeMatching.matches(query.accessionNumber(), study.accessionNumber(), false);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
