package org.imagingexchange.registry.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.imagingexchange.audit.client.AuditedAccess;
import org.imagingexchange.audit.client.Audited;
import org.imagingexchange.audit.client.BalpPattern;
import org.imagingexchange.registry.domain.QidoQueryParser;
import org.imagingexchange.registry.domain.StudyLocation;
import org.imagingexchange.registry.domain.StudySearch;

/**
 * {@code GET /api/studies/{uid}/location} (role {@code exchange-service}): patient, custodian and WADO-RS
 * endpoints of a study, for the retrieval proxy, which checks consent for its own caller itself.
 */
@Path("/api/studies")
@RequestScoped
@RolesAllowed("exchange-service")
@Produces(MediaType.APPLICATION_JSON)
public class StudyLocationResource {

    @Inject
    StudySearch search;
    @Inject
    AuditedAccess audited;

    /**
     * @param uid Study Instance UID
     * @return the location
     * @throws org.imagingexchange.registry.domain.InvalidQueryParameterException 400 when uid is not a UID
     * @throws org.imagingexchange.registry.domain.StudyNotFoundException 404 when the study is not indexed
     */
    @GET
    @Path("/{uid}/location")
    @Audited(BalpPattern.PATIENT_READ)
    public StudyLocationResponse location(@PathParam("uid") String uid) {
        QidoQueryParser.uid("uid", uid);
        StudyLocation location = search.location(uid);
        audited.patient(location.patientId(), location.patientIdIssuer());
        audited.entity("ImagingStudy", uid, "study location lookup");
        return StudyLocationResponse.of(location);
    }
}
