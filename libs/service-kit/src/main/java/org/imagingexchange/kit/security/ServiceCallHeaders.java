package org.imagingexchange.kit.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;
import org.imagingexchange.kit.context.RequestContext;

/**
 * Headers for MP REST Client calls to another Imaging Exchange service: this service's own bearer
 * token ({@link ServiceTokenProvider}) and the current correlation id, so one request can be followed
 * across services. Register with {@code @RegisterClientHeaders(ServiceCallHeaders.class)}.
 */
@ApplicationScoped
public class ServiceCallHeaders implements ClientHeadersFactory {

    @Inject
    ServiceTokenProvider tokens;

    @Inject
    RequestContext requestContext;

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                                                 MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle("Authorization", "Bearer " + tokens.accessToken());
        try {
            headers.putSingle(RequestContext.CORRELATION_HEADER, requestContext.correlationId());
        } catch (ContextNotActiveException e) {
            // Background work (e.g. outbox delivery) has no request; the payload carries its own id.
        }
        return headers;
    }
}
