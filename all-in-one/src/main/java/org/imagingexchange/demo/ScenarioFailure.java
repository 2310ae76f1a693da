package org.imagingexchange.demo;

/** A scenario check that did not hold; its message names the step and what was expected. */
public class ScenarioFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message step and expectation, e.g. {@code step 3: clinician-b finds the study: got 0 studies} */
    public ScenarioFailure(String message) {
        super(message);
    }
}
