package org.imagingexchange.consent.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagingexchange.audit.client.Audited;
import org.imagingexchange.audit.client.AuditRecord;
import org.imagingexchange.audit.client.AuditedAccess;
import org.imagingexchange.audit.client.BalpPattern;
import org.imagingexchange.kit.context.RequestContext;
import org.imagingexchange.consent.client.ConsentDecision;
import org.imagingexchange.consent.client.ConsentRequest;
import org.imagingexchange.consent.domain.ConsentDecisions;
import org.imagingexchange.kit.problem.BadRequestProblem;

/**
 * Internal decision point for the other services ({@code exchange-service} role): permit or deny a
 * requester's access to a patient's data, per {@link org.imagingexchange.consent.domain.ConsentPolicy}.
 * Every call is audited as a BALP consent decision.
 */
@Path("/api/decisions")
@RequestScoped
@RolesAllowed("exchange-service")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Consent decisions", description = "Permit/deny decisions for service-to-service calls")
public class ConsentDecisionResource {

    /** Most requests one batch may carry. */
    static final int MAX_BATCH = 1000;

    @Inject
    ConsentDecisions decisions;

    @Inject
    AuditedAccess audited;

    @Inject
    RequestContext requestContext;

    /**
     * @param request the question; {@code dataClass} required; a missing Patient ID is answered DENY
     * @return the decision
     * @throws BadRequestProblem (400) for a missing body or data class
     */
    @POST
    @Audited(BalpPattern.CONSENT_DECISION)
    @Operation(summary = "Decide one consent request")
    @APIResponse(responseCode = "200", description = "The decision (PERMIT or DENY, reason, policy id)")
    @APIResponse(responseCode = "400", description = "Missing body or dataClass (problem+json)")
    @APIResponse(responseCode = "401", description = "No valid bearer token (problem+json)")
    @APIResponse(responseCode = "403", description = "Caller lacks role exchange-service (problem+json)")
    public ConsentDecision decide(ConsentRequest request) {
        validate(request, "body");
        ConsentDecision decision = decisions.decide(request);
        note(List.of(request), List.of(decision));
        return decision;
    }

    /**
     * @param requests up to {@value #MAX_BATCH} questions
     * @return one decision per request, in the same order
     * @throws BadRequestProblem (400) for a missing body, a null element, a missing data class or too many requests
     */
    @POST
    @Path("/batch")
    @Audited(BalpPattern.CONSENT_DECISION)
    @Operation(summary = "Decide several consent requests (same order in the answer)")
    @APIResponse(responseCode = "200", description = "One decision per request, in request order")
    @APIResponse(responseCode = "400", description = "Missing body, null element, missing dataClass or more than 1000 requests (problem+json)")
    @APIResponse(responseCode = "401", description = "No valid bearer token (problem+json)")
    @APIResponse(responseCode = "403", description = "Caller lacks role exchange-service (problem+json)")
    public List<ConsentDecision> decideAll(List<ConsentRequest> requests) {
        if (requests == null) {
            throw new BadRequestProblem("missing-body", "The body must be a JSON array of consent requests.");
        }
        if (requests.size() > MAX_BATCH) {
            throw new BadRequestProblem("batch-too-large", "At most " + MAX_BATCH + " requests per batch.");
        }
        for (int i = 0; i < requests.size(); i++) {
            validate(requests.get(i), "[" + i + "]");
        }
        List<ConsentDecision> answers = decisions.decideAll(requests);
        note(requests, answers);
        return answers;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static void validate(ConsentRequest request, String at) {
        if (request == null) {
            throw new BadRequestProblem("missing-body", at + ": a consent request object is required.");
        }
        if (request.dataClass() == null) {
            throw new BadRequestProblem("invalid-consent-request", at + ".dataClass is required: IMAGING_STUDY or IMAGING_REPORT.");
        }
    }

    private void note(List<ConsentRequest> requests, List<ConsentDecision> answers) {
        requests.forEach(r -> audited.patient(r.patientId(), r.patientIdIssuer()));
        // A decision is asked for a requester (BALP: the requester is the agent); the calling
        // service's client stays visible as the agent's client.
        List<AuditRecord.Agent> requesters = requests.stream().map(r -> new AuditRecord.Agent("",
                nullToEmpty(r.requesterId()), requestContext.actor().map(a -> a.clientId()).orElse(""),
                nullToEmpty(r.requesterOrganizationId()), nullToEmpty(r.requesterCountry()),
                nullToEmpty(r.purposeOfUse()))).distinct().toList();
        if (requesters.size() == 1) {
            audited.onBehalfOf(requesters.get(0));
        }
        Map<String, Integer> counts = new TreeMap<>();
        answers.forEach(d -> counts.merge(d.decision() + " " + d.reason(), 1, Integer::sum));
        audited.outcomeDetail(answers.size() == 1 ? answers.get(0).decision() + " " + answers.get(0).reason()
                + " (" + answers.get(0).policyId() + ")" : counts.toString());
    }
}
