package org.imagingexchange.demo;

import java.util.List;

/**
 * Outcome of a scenario run.
 *
 * @param checks  the checks that held, in order
 * @param failure what did not hold; null when every check held
 */
public record ScenarioResult(List<String> checks, String failure) {

    /** @return true when every check held */
    public boolean passed() {
        return failure == null;
    }

    /** @return the closing line: {@code demo passed: N checks} or {@code demo failed: ...} */
    public String summary() {
        return passed() ? "demo passed: " + checks.size() + " checks" : "demo failed: " + failure;
    }
}
