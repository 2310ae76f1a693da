package org.imagingexchange.gateway.domain;

import java.util.List;
import org.imagingexchange.kit.problem.ProblemException;

/**
 * The service behind the route did not answer usably: 503 when it cannot be reached, 504 when it did
 * not answer in time, 502 when the exchange broke (RFC 9110 §15.6.3-15.6.5).
 */
public class UpstreamUnavailableException extends ProblemException {

    private UpstreamUnavailableException(String slug, int status, String title, String detail, Throwable cause) {
        super(slug, status, title, detail, List.of(), cause);
    }

    /** @return 503: connection refused or the host could not be resolved */
    public static UpstreamUnavailableException unreachable(Backend backend, Throwable cause) {
        return new UpstreamUnavailableException("upstream-unavailable", 503, "Service unavailable",
                "The " + backend.label() + " service cannot be reached; try again later.", cause);
    }

    /** @return 504: no response head within the configured timeout */
    public static UpstreamUnavailableException timeout(Backend backend, Throwable cause) {
        return new UpstreamUnavailableException("upstream-timeout", 504, "Gateway timeout",
                "The " + backend.label() + " service did not answer in time.", cause);
    }

    /** @return 502: the exchange with the service failed after connecting */
    public static UpstreamUnavailableException failed(Backend backend, Throwable cause) {
        return new UpstreamUnavailableException("bad-gateway", 502, "Bad gateway",
                "The exchange with the " + backend.label() + " service failed.", cause);
    }
}
