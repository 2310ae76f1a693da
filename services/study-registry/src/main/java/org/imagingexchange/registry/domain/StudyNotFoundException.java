package org.imagingexchange.registry.domain;

import org.imagingexchange.kit.problem.ProblemException;

/**
 * The study (or series) is not in the index, or the requester may not see it: HTTP 404. Both cases
 * answer the same so that a refused study is indistinguishable from an unknown one.
 */
public class StudyNotFoundException extends ProblemException {

    /** @param what the UID asked for, e.g. {@code study 1.2.3} */
    public StudyNotFoundException(String what) {
        super("study-not-found", 404, "Not found", "No " + what + " is indexed for this requester.");
    }
}
