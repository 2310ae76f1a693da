package org.imagingexchange.gateway.domain;

import java.util.Objects;
import java.util.Set;

/**
 * Where one public request goes: the service, the path below the service's base URL, and the realm
 * roles of which the caller needs at least one.
 *
 * @param name          stable route name, used as the metrics label (e.g. {@code qido-rs})
 * @param backend       the service that answers
 * @param upstreamPath  raw (still percent-encoded) path below the backend base URL, starting with '/'
 * @param requiredRoles realm roles (token {@code groups}); the caller needs any one of them; never empty
 * @param access        what the route does in SMART scope terms; the caller also needs a scope that grants it
 *                      (where scopes are required, see {@link SmartScopes})
 */
public record Route(String name, Backend backend, String upstreamPath, Set<String> requiredRoles,
        ResourceAccess access) {

    /** Compact constructor: checks the invariants and copies the roles. */
    public Route {
        Objects.requireNonNull(name);
        Objects.requireNonNull(backend);
        Objects.requireNonNull(upstreamPath);
        Objects.requireNonNull(access);
        requiredRoles = Set.copyOf(requiredRoles);
        if (requiredRoles.isEmpty()) {
            throw new IllegalArgumentException("a route must require at least one role");
        }
        if (!RouteTable.ROUTE_NAMES.contains(name)) {
            throw new IllegalArgumentException("route " + name + " is not listed in RouteTable.ROUTE_NAMES (and so"
                    + " has no rows in the authorization matrix)");
        }
    }

    /**
     * @param roles the caller's realm roles
     * @return true when the caller holds at least one of the required roles
     */
    public boolean permits(Set<String> roles) {
        return roles.stream().anyMatch(requiredRoles::contains);
    }
}
