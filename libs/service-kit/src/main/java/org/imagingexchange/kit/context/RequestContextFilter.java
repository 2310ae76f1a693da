package org.imagingexchange.kit.context;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Fills {@link RequestContext} from the correlation header and the token that MP JWT has already
 * verified (signature by JWKS, {@code iss}, {@code aud}, {@code exp}); echoes the correlation id on
 * the response. Claim names are those the {@code imaging} realm issues.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION + 10)
public class RequestContextFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** Token claim carrying the requesting organisation. */
    public static final String CLAIM_ORGANIZATION = "organization_id";
    /** Token claim carrying the requester's country (ISO 3166-1 alpha-2). */
    public static final String CLAIM_COUNTRY = "country";
    /** Token claim carrying the HL7 v3 PurposeOfUse code. */
    public static final String CLAIM_PURPOSE_OF_USE = "purpose_of_use";
    /**
     * Purpose of use of a token that states none: {@code TREAT}. The realm's user client states a purpose only when
     * the user breaks the glass (scope {@code break-glass}: {@code ETREAT}); one claim mapper per token keeps the
     * claim's value certain (two mappers of the same claim run in no defined order).
     */
    public static final String DEFAULT_PURPOSE_OF_USE = "TREAT";
    /** Token claim carrying a patient user's own Patient ID. */
    public static final String CLAIM_PATIENT_ID = "patient_id";

    /** Accepted correlation ids: letters, digits, '-', '_', '.', at most 64 characters. */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Inject
    RequestContext context;

    @Override
    public void filter(ContainerRequestContext request) {
        String cid = request.getHeaderString(RequestContext.CORRELATION_HEADER);
        if (cid != null && SAFE_ID.matcher(cid).matches()) {
            context.correlationId(cid);
        }
        Principal principal = request.getSecurityContext() == null ? null
                : request.getSecurityContext().getUserPrincipal();
        if (principal instanceof JsonWebToken jwt) {
            context.actor(toActor(jwt), jwt.getRawToken());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(RequestContext.CORRELATION_HEADER, context.correlationId());
    }

    /** @return the actor the verified token describes */
    static Actor toActor(JsonWebToken jwt) {
        Set<String> groups = jwt.getGroups();
        return new Actor(jwt.getSubject(), text(jwt, "preferred_username"), text(jwt, "azp"),
                text(jwt, CLAIM_ORGANIZATION), text(jwt, CLAIM_COUNTRY), purposeOfUse(text(jwt, CLAIM_PURPOSE_OF_USE)),
                groups, text(jwt, CLAIM_PATIENT_ID));
    }

    /**
     * @param claim the token's {@code purpose_of_use}; may be null or blank
     * @return the claim, or {@value #DEFAULT_PURPOSE_OF_USE} when the token states no purpose
     */
    static String purposeOfUse(String claim) {
        return claim == null || claim.isBlank() ? DEFAULT_PURPOSE_OF_USE : claim;
    }

    /** @return a string claim's value whether the runtime hands it over as String or JsonString; null when absent */
    private static String text(JsonWebToken jwt, String claim) {
        Object value = jwt.getClaim(claim);
        if (value instanceof JsonString js) {
            return js.getString();
        }
        return value == null ? null : value.toString();
    }
}
