package org.imagingexchange.audit.client;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagingexchange.kit.context.Actor;
import org.imagingexchange.kit.context.RequestContext;
import org.imagingexchange.kit.problem.ProblemResponses;

/**
 * Writes one audit record (IHE BALP pattern from {@link Audited}) for every call of an annotated
 * resource method, success or failure: it runs after the resource or after the exception mapper
 * answered, reads who called from {@link RequestContext}, what was touched from {@link AuditedAccess},
 * and hands the record to the {@link AuditEventSink} before the response body is written. When the
 * record cannot be made durable the response is replaced by a 503 problem: no access goes unaudited.
 * A successful response whose entity is an {@link AuditedTransfer} (a streamed body) is audited when the
 * transfer ends instead, with its real outcome ({@link TransferAudit}); nothing is written at its head.
 * Requests the container refuses before the resource is matched (401/403) are not audited here.
 * The {@code @Audited} on this class only binds the filter (JAX-RS name binding matches the annotation
 * type, not its value); the pattern written is the one on the resource method.
 */
@Provider
@Audited(BalpPattern.READ)
@Priority(Priorities.USER)
public class AuditFilter implements ContainerResponseFilter {

    /** Entity type of the query itself on query patterns (BALP Query: entity role 24). */
    public static final String QUERY_ENTITY = "query";

    private final Clock clock = Clock.systemUTC();

    @Context
    ResourceInfo resourceInfo;

    @Inject
    RequestContext requestContext;

    @Inject
    AuditedAccess access;

    @Inject
    AuditEventSink sink;

    @Inject
    @ConfigProperty(name = "exchange.service.name", defaultValue = "imaging-exchange")
    String serviceName;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Optional<BalpPattern> pattern = patternOf(resourceInfo);
        if (pattern.isEmpty()) {
            return;
        }
        String rawQuery = request.getUriInfo().getRequestUri().getRawQuery();
        String path = request.getUriInfo().getRequestUri().getPath();
        AuditRecord record = toRecord(new Access(pattern.get(), response.getStatus(), request.getMethod() + " " + path,
                rawQuery), requestContext.actor(), access, requestContext.correlationId());
        if (response.getStatus() < 300 && response.getEntity() instanceof AuditedTransfer transfer) {
            // A streamed body: the access ends with the transfer, which writes the record with its outcome.
            TransferAudit audit = new TransferAudit(record, sink, clock);
            access.transfer(audit);
            transfer.auditWith(audit);
            return;
        }
        try {
            sink.record(record);
        } catch (AuditUnavailableException e) {
            Response problem = ProblemResponses.of(e, path, requestContext.correlationId(),
                    path != null && path.contains("/fhir/"));
            response.getHeaders().remove("Location");
            response.setStatus(problem.getStatus());
            response.setEntity(problem.getEntity(), new java.lang.annotation.Annotation[0], problem.getMediaType());
        }
    }

    /**
     * What the filter knows about the request itself.
     *
     * @param pattern   BALP pattern of the resource method
     * @param status    final HTTP status (after exception mapping)
     * @param operation method and path, e.g. {@code GET /registry/dicomweb/studies}
     * @param rawQuery  the raw query string; null when none
     */
    record Access(BalpPattern pattern, int status, String operation, String rawQuery) {
    }

    /**
     * Builds the record (pure function of its inputs, apart from the new event id and time).
     *
     * @param request       pattern, status and query of the request
     * @param actor         the verified caller; empty for unauthenticated calls
     * @param touched       what the resource noted
     * @param correlationId the request's correlation id
     * @return the audit record
     */
    AuditRecord toRecord(Access request, Optional<Actor> actor, AuditedAccess touched, String correlationId) {
        List<AuditRecord.EntityRef> entities = new ArrayList<>(touched.entities());
        if (request.pattern() == BalpPattern.QUERY || request.pattern() == BalpPattern.PATIENT_QUERY) {
            entities.add(new AuditRecord.EntityRef(QUERY_ENTITY,
                    request.rawQuery() == null ? "" : request.rawQuery(), request.operation()));
        }
        String detail = touched.outcomeDetail();
        if (detail.isEmpty() && request.status() >= 400) {
            detail = "HTTP " + request.status();
        }
        return new AuditRecord(UUID.randomUUID().toString(), Instant.now(clock), request.pattern(),
                AuditOutcome.ofHttpStatus(request.status()), detail, serviceName, correlationId,
                touched.onBehalfOf().orElseGet(() -> agentOf(actor)), touched.patients(), List.copyOf(entities));
    }

    /** @return the requester as AuditEvent.agent facts; all empty for an unauthenticated call */
    static AuditRecord.Agent agentOf(Optional<Actor> actor) {
        return actor.map(a -> new AuditRecord.Agent(a.subject(), a.username(), a.clientId(), a.organizationId(),
                        a.country(), a.purposeOfUse()))
                .orElseGet(() -> new AuditRecord.Agent("", "", "", "", "", ""));
    }

    /** @return the pattern on the resource method, else on its class; empty when neither is annotated */
    static Optional<BalpPattern> patternOf(ResourceInfo info) {
        if (info == null || info.getResourceMethod() == null) {
            return Optional.empty();
        }
        Method method = info.getResourceMethod();
        Audited audited = method.getAnnotation(Audited.class);
        if (audited == null && info.getResourceClass() != null) {
            audited = info.getResourceClass().getAnnotation(Audited.class);
        }
        return Optional.ofNullable(audited).map(Audited::value);
    }
}
