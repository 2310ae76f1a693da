package org.imagingexchange.gateway.domain;

import java.util.Set;
import java.util.TreeSet;
import org.imagingexchange.kit.problem.ProblemException;

/** A verified caller lacks every role the route requires (RFC 6750 §3.1 {@code insufficient_scope}): HTTP 403. */
public class InsufficientRoleException extends ProblemException {

    /** @param route the route the caller asked for */
    public InsufficientRoleException(Route route) {
        super("insufficient-role", 403, "Forbidden",
                "This request needs one of the roles " + new TreeSet<>(route.requiredRoles()) + ".");
    }

    /** @return the required roles, for the {@code WWW-Authenticate} header; never null */
    public static String scopeOf(Set<String> roles) {
        return String.join(" ", new TreeSet<>(roles));
    }
}
