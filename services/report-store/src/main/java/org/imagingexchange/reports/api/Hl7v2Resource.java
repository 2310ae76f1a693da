package org.imagingexchange.reports.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagingexchange.audit.client.Audited;
import org.imagingexchange.audit.client.AuditedAccess;
import org.imagingexchange.audit.client.BalpPattern;
import org.imagingexchange.kit.context.RequestContext;
import org.imagingexchange.reports.api.hl7v2.Hl7v2Intake;
import org.imagingexchange.reports.api.hl7v2.Hl7v2Reception;

/**
 * HL7 v2 ORU^R01 over HTTP: the body is one ER7 message ({@code Content-Type: application/hl7-v2}), the
 * answer its acknowledgement (same content type) with HTTP 200 whatever the acknowledgement says: AA when
 * stored, AE with ERR segments when the content is wrong, AR when the message is not accepted (see
 * {@link Hl7v2Intake}). The report is stored for the token's organisation; MSH-4 only scopes the MSH-10
 * duplicate check.
 */
@Path("hl7v2")
@RequestScoped
@Tag(name = "DiagnosticReport")
public class Hl7v2Resource {

    /** Media type of HL7 v2 ER7 messages (IANA application/hl7v2 is not registered; HL7's usage). */
    public static final String HL7_V2 = "application/hl7-v2";

    @Inject
    Hl7v2Reception reception;

    @Inject
    RequestContext context;

    @Inject
    AuditedAccess access;

    /**
     * @param body the ER7 message (segments separated by CR)
     * @return 200 with the acknowledgement
     */
    @POST
    @Consumes(HL7_V2)
    @Produces(HL7_V2)
    @RolesAllowed("report-author")
    @Audited(BalpPattern.PATIENT_CREATE)
    @Operation(summary = "Store an imaging report sent as HL7 v2 ORU^R01; answers the HL7 acknowledgement")
    public Response receive(String body) {
        Hl7v2Intake.Answer answer = reception.overHttp(body == null ? "" : body, context.requireActor());
        answer.patient().ifPresent(p -> access.patient(p.value(), p.system()));
        answer.stored().flatMap(o -> o.stored()).ifPresent(r -> ReportAuditNotes.report(access, r));
        access.outcomeDetail("HL7 v2 acknowledgement " + answer.outcome());
        return Response.ok(answer.ack(), HL7_V2).build();
    }
}
