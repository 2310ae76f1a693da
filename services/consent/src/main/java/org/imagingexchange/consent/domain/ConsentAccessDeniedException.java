package org.imagingexchange.consent.domain;

import org.imagingexchange.kit.problem.ProblemException;

/** The caller may not read or record consent for this patient (patients act only for themselves): HTTP 403. */
public class ConsentAccessDeniedException extends ProblemException {

    /** @param detail what was refused, without revealing other patients' data */
    public ConsentAccessDeniedException(String detail) {
        super("consent-access-denied", 403, "Forbidden", detail);
    }
}
