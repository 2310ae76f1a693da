package org.imagingexchange.consent.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Consent;
import org.imagingexchange.audit.client.Audited;
import org.imagingexchange.audit.client.AuditedAccess;
import org.imagingexchange.audit.client.BalpPattern;
import org.imagingexchange.consent.config.ConsentConfig;
import org.imagingexchange.consent.domain.ConsentDirective;
import org.imagingexchange.consent.domain.ConsentDirectives;
import org.imagingexchange.kit.context.Actor;
import org.imagingexchange.kit.context.RequestContext;
import org.imagingexchange.kit.problem.BadRequestProblem;
import org.imagingexchange.kit.search.SearchParameters;

/**
 * FHIR R4 {@code Consent} endpoint (create, read, search by {@code patient:identifier}). Roles:
 * {@code consent-manager} for its own organisation's directives ({@code Consent.organization} = token
 * {@code organization_id}), {@code patient} for their own Patient ID only; see
 * {@link ConsentDirectives} and docs/authorization.md.
 * Errors are FHIR {@code OperationOutcome}s. See {@link FhirConsentMapper} for the accepted shape.
 */
@Path("/fhir/Consent")
@RequestScoped
@RolesAllowed({ConsentDirectives.ROLE_CONSENT_MANAGER, ConsentDirectives.ROLE_PATIENT})
@Produces(FhirConsentResource.FHIR_JSON)
@Tag(name = "FHIR Consent", description = "Patients' consent directives (FHIR R4 Consent)")
public class FhirConsentResource {

    /** FHIR JSON media type (R4 §3.1.0.1.2). */
    public static final String FHIR_JSON = "application/fhir+json";

    /** Most Consents one search page holds (and the page size when {@code _count} is absent). */
    static final int MAX_COUNT = 100;

    private static final String PATIENT_IDENTIFIER = "patient:identifier";
    private static final Set<String> SEARCH_PARAMETERS = Set.of(PATIENT_IDENTIFIER, SearchParameters.COUNT, SearchParameters.OFFSET);

    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    @Inject
    ConsentDirectives directives;

    @Inject
    FhirJson fhir;

    @Inject
    RequestContext requestContext;

    @Inject
    AuditedAccess audited;

    @Inject
    ConsentConfig config;

    @Context
    UriInfo uriInfo;

    /**
     * FHIR create (R4 http.html#create): validates and stores a consent directive.
     *
     * @param body FHIR R4 Consent JSON
     * @return 201 with {@code Location: [public FHIR base]/Consent/{id}} and the stored resource
     * @throws BadRequestProblem (400) for a body that is not a FHIR Consent
     * @throws org.imagingexchange.consent.domain.InvalidConsentException (422) for an unenforceable Consent
     * @throws org.imagingexchange.consent.domain.ConsentAccessDeniedException (403) for another patient's consent
     *         posted by a patient, or another organisation named in {@code Consent.organization} by a consent manager
     */
    @POST
    @Consumes({FHIR_JSON, MediaType.APPLICATION_JSON})
    @Audited(BalpPattern.PATIENT_CREATE)
    @Operation(summary = "Record a consent directive (FHIR R4 Consent)")
    @APIResponse(responseCode = "201", description = "Stored; Location names the new Consent")
    @APIResponse(responseCode = "400", description = "Not a FHIR R4 Consent (OperationOutcome)")
    @APIResponse(responseCode = "403", description = "A patient posting for another patient, or a consent manager naming another organisation (OperationOutcome)")
    @APIResponse(responseCode = "422", description = "Consent not enforceable: missing status, patient identifier, provision.type, bad actor or class (OperationOutcome)")
    public Response create(String body) {
        Consent consent = fhir.parse(body, Consent.class);
        ConsentDirective directive = FhirConsentMapper.toDirective(consent);
        audited.patient(directive.patientId(), directive.patientIdIssuer());
        ConsentDirective stored = directives.record(directive, actor(),
                d -> fhir.encode(FhirConsentMapper.completeForStorage(consent, d)));
        audited.entity("Consent", stored.id(), stored.provision().name().toLowerCase(java.util.Locale.ROOT));
        URI location = URI.create(config.publicFhirBase().resourceUrl(FhirConsentMapper.RESOURCE_TYPE, stored.id()));
        return Response.created(location).entity(stored.resourceJson()).build();
    }

    /**
     * FHIR read (R4 http.html#read).
     *
     * @param id logical id
     * @return the stored Consent
     * @throws BadRequestProblem (400) for a malformed id
     * @throws org.imagingexchange.consent.domain.ConsentNotFoundException (404) when there is none, or the caller
     *         may not see it (another patient's, another organisation's): the same answer, so no existence oracle
     */
    @GET
    @Path("/{id}")
    @Audited(BalpPattern.PATIENT_READ)
    @Operation(summary = "Read a consent directive")
    @APIResponse(responseCode = "200", description = "The Consent")
    @APIResponse(responseCode = "404", description = "No such Consent, or not the caller's to see (OperationOutcome)")
    public String read(@PathParam("id") String id) {
        if (!FHIR_ID.matcher(id).matches()) {
            throw new BadRequestProblem("invalid-id", "id must match [A-Za-z0-9\\-.]{1,64}");
        }
        ConsentDirective d = directives.find(id, actor());
        audited.patient(d.patientId(), d.patientIdIssuer());
        audited.entity("Consent", d.id(), "");
        return d.resourceJson();
    }

    /**
     * FHIR search (R4 search.html, token parameter {@code patient:identifier=[system|]value}, paging by
     * {@code _count} (default and most {@value #MAX_COUNT}) and {@code _offset}), checked by the kit's shared
     * {@link SearchParameters} rule.
     *
     * @return a searchset Bundle of the patient's Consents the caller may see (a consent manager: those its
     *         organisation recorded), oldest first; {@code total} counts them all, {@code next} links the next page
     * @throws org.imagingexchange.kit.search.InvalidSearchParameterException (400) unknown or repeated parameter,
     *         {@code _count} below 1, negative {@code _offset}, or a consent manager naming no patient
     * @throws org.imagingexchange.consent.domain.ConsentAccessDeniedException (403) when a patient names another patient
     */
    @GET
    @Audited(BalpPattern.PATIENT_QUERY)
    @Operation(summary = "Search a patient's consent directives")
    @APIResponse(responseCode = "200", description = "searchset Bundle")
    @APIResponse(responseCode = "400", description = "patient:identifier missing or empty, unknown or repeated parameter, bad _count/_offset (OperationOutcome)")
    @APIResponse(responseCode = "403", description = "A patient searching another patient (OperationOutcome)")
    public String search(@Parameter(description = "[system|]value of the Patient ID (read with the other parameters"
                         + " through the shared rule; declared here for the OpenAPI document)")
                         @QueryParam(PATIENT_IDENTIFIER) String patientIdentifier) {
        SearchParameters params = SearchParameters.of(uriInfo.getQueryParameters(), SEARCH_PARAMETERS);
        PatientIdentifier patient = PatientIdentifier.parse(params.single(PATIENT_IDENTIFIER), actor());
        int count = params.count(MAX_COUNT, MAX_COUNT);
        int offset = params.offset();
        audited.patient(patient.value(), patient.system());
        audited.entity("query", "patient:identifier=" + patient.token(), "");
        List<ConsentDirective> found = directives.search(patient.value(), patient.system(), actor());
        int from = Math.min(offset, found.size());
        List<ConsentDirective> page = found.subList(from, Math.min(found.size(), from + count));
        String rawQuery = uriInfo.getRequestUri().getRawQuery();
        String next = offset + page.size() < found.size()
                ? config.publicFhirBase().pageUrl(FhirConsentMapper.RESOURCE_TYPE, rawQuery, offset + page.size(), count) : null;
        return fhir.encode(FhirConsentMapper.searchset(page, found.size(), next, fhir, config.publicFhirBase(), rawQuery));
    }

    private Actor actor() {
        return requestContext.requireActor();
    }
}
