package org.imagingexchange.registry.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.imagingexchange.audit.client.AuditedAccess;
import org.imagingexchange.audit.client.Audited;
import org.imagingexchange.audit.client.BalpPattern;
import org.imagingexchange.kit.context.RequestContext;
import org.imagingexchange.kit.fhir.FhirBase;
import org.imagingexchange.kit.problem.ProblemResponses;
import org.imagingexchange.registry.config.RegistryConfig;
import org.imagingexchange.registry.domain.InvalidQueryParameterException;
import org.imagingexchange.registry.domain.Paging;
import org.imagingexchange.registry.domain.PatientIdentifier;
import org.imagingexchange.registry.domain.SearchResult;
import org.imagingexchange.registry.domain.StudySearch;

/**
 * FHIR R4 {@code GET /fhir/ImagingStudy?patient:identifier=[system|]value[&_count=n&_offset=n]} (role
 * {@code imaging-reader}): a searchset Bundle of the patient's ImagingStudy resources, found by any of the
 * patient's identifiers, consent-filtered before paging like QIDO-RS. Unknown or repeated parameters are
 * refused (400 OperationOutcome) rather than ignored, so a misspelt parameter never widens a search.
 */
@Path("/fhir/ImagingStudy")
@RequestScoped
@RolesAllowed("imaging-reader")
public class ImagingStudyResource {

    static final String PATIENT_IDENTIFIER = "patient:identifier";
    private static final Set<String> KNOWN = Set.of(PATIENT_IDENTIFIER, FhirBase.COUNT, FhirBase.OFFSET);
    private static final int DEFAULT_COUNT = 100;

    @Inject
    StudySearch search;
    @Inject
    RequestContext context;
    @Inject
    AuditedAccess audited;
    @Inject
    RegistryConfig config;
    @Context
    UriInfo uriInfo;

    /**
     * @return 200 searchset Bundle (possibly empty) with {@code next} link when more permitted studies exist;
     *         fullUrl and links under the platform's public FHIR base
     * @throws InvalidQueryParameterException 400 (OperationOutcome) for a missing identifier, an unknown or
     *                                        repeated parameter, or a bad {@code _count}/{@code _offset}
     */
    @GET
    @Produces({ProblemResponses.FHIR_JSON, "application/json"})
    @Audited(BalpPattern.PATIENT_QUERY)
    public Response search() {
        MultivaluedMap<String, String> params = uriInfo.getQueryParameters();
        for (String name : params.keySet()) {
            if (!KNOWN.contains(name)) {
                throw new InvalidQueryParameterException(name, "not a search parameter of ImagingStudy here; supported: "
                        + KNOWN.stream().sorted().toList());
            }
        }
        PatientIdentifier patient = identifier(single(params, PATIENT_IDENTIFIER));
        Paging paging = new Paging(number(params, FhirBase.OFFSET, 0, 0, Integer.MAX_VALUE),
                number(params, FhirBase.COUNT, DEFAULT_COUNT, 1, Paging.MAX_LIMIT));
        audited.patient(patient.value(), patient.issuer());
        audited.entity("query", uriInfo.getRequestUri().toString(), "FHIR ImagingStudy search");
        SearchResult<StudySearch.LocatedManifest> found = search.manifestsOfPatient(patient, paging, Requesters.of(context));
        found.items().forEach(m -> audited.entity("ImagingStudy", m.manifest().study().studyInstanceUid(),
                m.manifest().study().studyDescription()));
        return Response.ok(ImagingStudyMapper.searchset(found, paging, config.publicFhirBase(), config.publicWadoBase(),
                uriInfo.getRequestUri().getRawQuery()), ProblemResponses.FHIR_JSON).build();
    }

    private static PatientIdentifier identifier(String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidQueryParameterException(PATIENT_IDENTIFIER, "exactly one [system|]value is required");
        }
        int bar = token.indexOf('|');
        String system = bar < 0 ? null : token.substring(0, bar);
        String value = bar < 0 ? token : token.substring(bar + 1);
        if (value.isBlank()) {
            throw new InvalidQueryParameterException(PATIENT_IDENTIFIER, "the identifier value is empty");
        }
        return new PatientIdentifier(value, system);
    }

    private static String single(MultivaluedMap<String, String> params, String name) {
        List<String> v = params.get(name);
        if (v != null && v.size() > 1) {
            throw new InvalidQueryParameterException(name, "given more than once");
        }
        return v == null ? null : v.get(0);
    }

    private static int number(MultivaluedMap<String, String> params, String name, int absent, int min, int max) {
        String v = single(params, name);
        if (v == null) {
            return absent;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min || n > max) {
                throw new InvalidQueryParameterException(name, "must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidQueryParameterException(name, "'" + v + "' is not an integer");
        }
    }
}
