package org.imagingexchange.kit.context;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.imagingexchange.kit.problem.ProblemException;
import org.imagingexchange.kit.problem.ProblemResponses;
import java.util.UUID;

/**
 * Request-scoped facts about the current call: the correlation id (header {@value #CORRELATION_HEADER})
 * and the verified {@link Actor}. Filled by {@link RequestContextFilter} before any resource runs;
 * read by consent, audit and outbound clients. Not thread-safe: one request, one thread.
 */
@RequestScoped
public class RequestContext {

    /** HTTP header that carries the correlation id across the gateway and every service. */
    public static final String CORRELATION_HEADER = "X-Correlation-ID";

    private String correlationId;
    private Actor actor;
    private String bearerToken;

    /** @return the correlation id; generated on first use when the caller sent none */
    public String correlationId() {
        if (correlationId == null) {
            correlationId = UUID.randomUUID().toString();
        }
        return correlationId;
    }

    /** @return the verified caller, empty for unauthenticated requests (health, metrics) */
    public Optional<Actor> actor() {
        return Optional.ofNullable(actor);
    }

    /**
     * @return the verified caller
     * @throws ProblemException (401) when the request carries no token the runtime handed over as a
     *                          verified JWT (e.g. an Authorization scheme spelled in a way it did not read)
     */
    public Actor requireActor() {
        if (actor == null) {
            throw ProblemResponses.securityProblem(401);
        }
        return actor;
    }

    /** @return the caller's raw bearer token, for relaying to another service; empty when none */
    public Optional<String> bearerToken() {
        return Optional.ofNullable(bearerToken);
    }

    /**
     * Makes the requester a platform service acts for the actor of this request (e.g. the organisation a
     * DICOM AE title is configured for), so that consent and audit treat the call as that requester's own.
     * Only for a filter that has verified that the caller's token may act for others; the caller's bearer
     * token stays the one to relay.
     *
     * @param requester the requester, not null
     */
    public void actFor(Actor requester) {
        this.actor = java.util.Objects.requireNonNull(requester, "requester");
    }

    void correlationId(String id) {
        this.correlationId = id;
    }

    void actor(Actor actor, String bearerToken) {
        this.actor = actor;
        this.bearerToken = bearerToken;
    }
}
