package org.imagingexchange.kit.problem;

/** A request the service cannot parse or whose parameters are invalid: HTTP 400. */
public class BadRequestProblem extends ProblemException {

    /**
     * @param slug   problem type suffix, e.g. {@code invalid-query-parameter}
     * @param detail what was wrong, naming the parameter
     */
    public BadRequestProblem(String slug, String detail) {
        super(slug, 400, "Bad request", detail);
    }
}
