package org.imagingexchange.audit.api;

import ca.uhn.fhir.context.FhirContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagingexchange.audit.config.AuditConfig;
import org.imagingexchange.audit.domain.AccessLogPolicy;
import org.imagingexchange.audit.domain.AuditPage;
import org.imagingexchange.audit.domain.AuditTrail;
import org.imagingexchange.kit.context.RequestContext;
import org.imagingexchange.kit.problem.ProblemResponses;

/**
 * FHIR R4 AuditEvent endpoint (read-only): search ({@code GET /fhir/AuditEvent}) as a searchset Bundle,
 * newest first, and read by id. Auditors see every event; patients only the events about their own
 * Patient ID (the patient access log). Reads of the trail are not themselves audited (no loops).
 */
@Path("/fhir/AuditEvent")
@RequestScoped
@Tag(name = "fhir")
public class AuditEventFhirResource {

    @Inject
    AuditTrail trail;

    @Inject
    RequestContext requestContext;

    @Inject
    AuditConfig config;

    @Context
    UriInfo uriInfo;

    /**
     * Search (parameters: see {@link AuditEventSearchParameters}).
     *
     * @return 200 searchset Bundle with {@code total}, {@code self} and, when more match, {@code next} links,
     *         all URLs under the platform's public FHIR base
     * @throws org.imagingexchange.kit.search.InvalidSearchParameterException (400) for a bad parameter
     * @throws org.imagingexchange.audit.domain.AccessLogDeniedException (403) for a patient asking about another patient
     */
    @GET
    @RolesAllowed({AccessLogPolicy.AUDITOR, AccessLogPolicy.PATIENT})
    @Produces(ProblemResponses.FHIR_JSON)
    @Operation(summary = "Search AuditEvents (patient:identifier, agent, entity, date, _count, _offset)")
    public Response search() {
        AuditPage page = trail.search(requestContext.requireActor(),
                AuditEventSearchParameters.parse(uriInfo.getQueryParameters()));
        return fhirJson(AuditEventFhirMapper.searchset(page, config.publicFhirBase(),
                uriInfo.getRequestUri().getRawQuery()));
    }

    /**
     * Read one event.
     *
     * @param id the event id
     * @return 200 AuditEvent
     * @throws org.imagingexchange.audit.domain.AuditEventNotFoundException (404) when unknown or not visible
     */
    @GET
    @Path("/{id}")
    @RolesAllowed({AccessLogPolicy.AUDITOR, AccessLogPolicy.PATIENT})
    @Produces(ProblemResponses.FHIR_JSON)
    @Operation(summary = "Read one AuditEvent")
    public Response read(@PathParam("id") String id) {
        return fhirJson(AuditEventFhirMapper.toFhir(trail.read(requestContext.requireActor(), id)));
    }

    private static Response fhirJson(org.hl7.fhir.instance.model.api.IBaseResource resource) {
        String json = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(resource);
        return Response.ok(json, ProblemResponses.FHIR_JSON).build();
    }
}
