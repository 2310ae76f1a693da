package org.imagingexchange.gateway.domain;

import java.util.Set;
import java.util.TreeSet;
import org.imagingexchange.kit.problem.ProblemException;

/** The path exists but not for this method (RFC 9110 §15.5.6): HTTP 405 with {@code Allow}. */
public class MethodNotAllowedException extends ProblemException {

    private final Set<String> allowed;

    /**
     * @param method  the method the caller used
     * @param allowed the methods the path accepts; never empty
     */
    public MethodNotAllowedException(String method, Set<String> allowed) {
        super("method-not-allowed", 405, "Method not allowed",
                method + " is not allowed here; allowed: " + String.join(", ", new TreeSet<>(allowed)) + ".");
        this.allowed = Set.copyOf(allowed);
    }

    /** @return the value of the {@code Allow} header, e.g. {@code GET, POST} */
    public String allowHeader() {
        return String.join(", ", new TreeSet<>(allowed));
    }
}
