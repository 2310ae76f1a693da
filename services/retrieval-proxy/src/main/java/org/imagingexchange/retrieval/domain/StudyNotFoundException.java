package org.imagingexchange.retrieval.domain;

import org.imagingexchange.kit.problem.ProblemException;

/** The study registry does not know the study: HTTP 404 (checked before consent, reveals no patient data). */
public class StudyNotFoundException extends ProblemException {

    /** @param studyInstanceUid the unknown Study Instance UID */
    public StudyNotFoundException(String studyInstanceUid) {
        super("study-not-found", 404, "Study not found",
                "No study with Study Instance UID " + studyInstanceUid + " is registered.");
    }
}
