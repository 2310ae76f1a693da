package org.imagingexchange.registry.api;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.imagingexchange.audit.client.AuditedAccess;
import org.imagingexchange.kit.fhir.FhirBase;
import org.imagingexchange.kit.problem.ProblemResponses;
import org.imagingexchange.registry.domain.Requester;
import org.imagingexchange.registry.domain.StudyRegistrar;
import org.imagingexchange.registry.domain.StudyRegistration;

/** The answer to a registration: what became of each study, as a FHIR OperationOutcome of information issues. */
final class RegistrationResponses {

    private RegistrationResponses() {
    }

    /**
     * Registers the studies, audits each patient and study, and answers.
     *
     * @param registrar the registrar
     * @param studies   the studies read from the request
     * @param caller    the verified caller
     * @param audited   the request's audit record
     * @param fhirBase  the platform's public FHIR base, for {@code Location}
     * @return 201 when a study was new to the index, else 200; {@code Location} of the first study
     */
    static Response registered(StudyRegistrar registrar, List<StudyRegistration> studies, Requester caller,
                               AuditedAccess audited, FhirBase fhirBase) {
        studies.forEach(s -> {
            audited.patient(s.header().patientId(), s.header().issuerOfPatientId());
            audited.entity("ImagingStudy", s.header().studyInstanceUid(), s.header().studyDescription());
        });
        List<StudyRegistrar.Registered> done = registrar.register(caller, studies);
        OperationOutcome outcome = new OperationOutcome();
        for (int i = 0; i < done.size(); i++) {
            StudyRegistrar.Registered r = done.get(i);
            outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
                    .setCode(OperationOutcome.IssueType.INFORMATIONAL)
                    .setDiagnostics("study " + r.studyInstanceUid() + (r.created() ? " registered" : " merged with the index")
                            + " at source " + r.sourceId())
                    .addExpression(studies.get(i).location());
        }
        boolean created = done.stream().anyMatch(StudyRegistrar.Registered::created);
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK)
                .location(URI.create(fhirBase.resourceUrl(ImagingStudyMapper.RESOURCE_TYPE, done.get(0).studyInstanceUid())))
                .entity(ImagingStudyMapper.FHIR.newJsonParser().encodeResourceToString(outcome))
                .type(ProblemResponses.FHIR_JSON)
                .build();
    }
}
