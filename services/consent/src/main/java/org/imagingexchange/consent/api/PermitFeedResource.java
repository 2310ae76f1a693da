package org.imagingexchange.consent.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagingexchange.consent.client.Decision;
import org.imagingexchange.consent.client.PermitFeedEntry;
import org.imagingexchange.consent.client.PermitFeedPage;
import org.imagingexchange.consent.domain.ConsentDirective;
import org.imagingexchange.consent.domain.ConsentDirectiveRepository;
import org.imagingexchange.consent.domain.ConsentPolicy;
import org.imagingexchange.consent.domain.ConsentStatus;
import org.imagingexchange.kit.problem.BadRequestProblem;

/**
 * Internal permit feed for the other services ({@code exchange-service} role): the consent directives in
 * the order they were recorded or changed, each reduced to whom it could open data to, plus the region's
 * default policy. The study registry follows it to pre-filter searches in its own database (only patients
 * with a possible permit are candidates for other organisations in an opt-in region); every access is
 * still decided by {@code POST /api/decisions}. Service-to-service replication, not an access to a
 * patient's data by a person, so not audited per call (docs/authorization.md).
 */
@Path("/api/permits")
@RequestScoped
@RolesAllowed("exchange-service")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Consent decisions", description = "Permit/deny decisions for service-to-service calls")
public class PermitFeedResource {

    /** Most entries one page may carry. */
    static final int MAX_LIMIT = 1000;

    @Inject
    ConsentDirectiveRepository directives;

    @Inject
    ConsentPolicy policy;

    /**
     * @param after last feed position already read (0 or absent for the start)
     * @param limit most entries, 1-{@value #MAX_LIMIT} (default 500)
     * @return the directives changed after {@code after}, in feed order
     * @throws BadRequestProblem (400) for an {@code after} or {@code limit} that is not an integer in range
     */
    @GET
    @Operation(summary = "Directives changed after a feed position, reduced to whom they could permit")
    @APIResponse(responseCode = "200", description = "Region policy, entries in feed order, last position")
    @APIResponse(responseCode = "400", description = "after < 0 or limit outside 1-1000 (problem+json)")
    @APIResponse(responseCode = "401", description = "No valid bearer token (problem+json)")
    @APIResponse(responseCode = "403", description = "Caller lacks role exchange-service (problem+json)")
    public PermitFeedPage read(@QueryParam("after") String after, @QueryParam("limit") String limit) {
        long from = number(after, "after", 0, 0, Long.MAX_VALUE);
        int size = (int) number(limit, "limit", 500, 1, MAX_LIMIT);
        List<PermitFeedEntry> entries = directives.changedAfter(from, size).stream()
                .map(s -> entry(s.sequence(), s.directive())).toList();
        long last = entries.isEmpty() ? from : entries.get(entries.size() - 1).sequence();
        return new PermitFeedPage(policy.regionDefault().code(), entries, last);
    }

    private static long number(String value, String name, long absent, long min, long max) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            long n = Long.parseLong(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequestProblem("invalid-search-parameter", name + " must be an integer from " + min
                + (max == Long.MAX_VALUE ? " (a feed position returned earlier)." : " to " + max + "."));
    }

    static PermitFeedEntry entry(long sequence, ConsentDirective d) {
        return new PermitFeedEntry(d.id(), sequence, d.patientId(), d.patientIdIssuer(), d.custodianOrganizationId(),
                d.organizationId(), d.country(), d.dataClass(), d.periodEnd() == null ? null : d.periodEnd().toString(),
                d.provision() == Decision.PERMIT && d.status() == ConsentStatus.ACTIVE);
    }
}
