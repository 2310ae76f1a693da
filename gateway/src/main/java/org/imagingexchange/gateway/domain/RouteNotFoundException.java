package org.imagingexchange.gateway.domain;

import org.imagingexchange.kit.problem.ProblemException;

/** No service answers the requested path: HTTP 404. */
public class RouteNotFoundException extends ProblemException {

    /** @param detail which path was not routable and why */
    public RouteNotFoundException(String detail) {
        super("route-not-found", 404, "Not found", detail);
    }
}
