package org.imagingexchange.registry.domain;

import java.time.LocalDate;
import java.util.Set;

/**
 * The part of a study query the index can evaluate cheaply (exact Patient ID, UID list, date bounds)
 * to narrow candidates; the full PS3.4 matching then runs in {@link StudyMatcher}.
 *
 * @param patientId         exact Patient ID; null for any
 * @param studyInstanceUids UIDs; empty for any
 * @param studyDateFrom     earliest study date, inclusive; null for open
 * @param studyDateTo       latest study date, inclusive; null for open
 */
public record CandidateFilter(String patientId, Set<String> studyInstanceUids, LocalDate studyDateFrom,
                              LocalDate studyDateTo) {

    /** Compact constructor: copies the set. */
    public CandidateFilter {
        studyInstanceUids = Set.copyOf(studyInstanceUids);
    }

    /** @return the narrowing filter of a query */
    public static CandidateFilter of(StudyQuery query) {
        return new CandidateFilter(query.exactPatientId(), query.studyInstanceUids(),
                query.studyDate() == null ? null : query.studyDate().from(),
                query.studyDate() == null ? null : query.studyDate().to());
    }
}
