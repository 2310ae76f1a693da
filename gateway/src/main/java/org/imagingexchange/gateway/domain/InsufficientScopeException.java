package org.imagingexchange.gateway.domain;

import org.imagingexchange.kit.problem.ProblemException;

/**
 * A verified caller holds the route's role but no SMART scope that grants what the route does (RFC 6750 §3.1
 * {@code insufficient_scope}; SMART App Launch scopes): HTTP 403.
 */
public class InsufficientScopeException extends ProblemException {

    private final transient ResourceAccess access;

    /** @param access what the route does */
    public InsufficientScopeException(ResourceAccess access) {
        super("insufficient-scope", 403, "Forbidden", "The access token holds no scope that grants '"
                + access.interaction() + "' on " + access.resourceType() + " (one of: " + access.neededScopes() + ").");
        this.access = access;
    }

    /** @return the scopes that would grant the request, space-separated, for the {@code WWW-Authenticate} header */
    public String neededScopes() {
        return access.neededScopes();
    }
}
