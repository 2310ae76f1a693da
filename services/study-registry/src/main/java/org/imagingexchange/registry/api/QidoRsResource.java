package org.imagingexchange.registry.api;

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
import org.imagingexchange.audit.client.AuditedAccess;
import org.imagingexchange.audit.client.Audited;
import org.imagingexchange.audit.client.BalpPattern;
import org.imagingexchange.kit.context.RequestContext;
import org.imagingexchange.registry.config.RegistryConfig;
import org.imagingexchange.registry.domain.Instance;
import org.imagingexchange.registry.domain.InstanceQuery;
import org.imagingexchange.registry.domain.QidoQueryParser;
import org.imagingexchange.registry.domain.SearchResult;
import org.imagingexchange.registry.domain.Series;
import org.imagingexchange.registry.domain.SeriesQuery;
import org.imagingexchange.registry.domain.Study;
import org.imagingexchange.registry.domain.StudyQuery;
import org.imagingexchange.registry.domain.StudySearch;

/**
 * QIDO-RS (DICOM PS3.18 §10.6) answered from the registry index, consent-filtered before counting and
 * paging. Results are {@code application/dicom+json}; an empty match is {@code 200 []} (PS3.18 also
 * allows 204; an empty array is easier for clients and says the same). A study the requester may not
 * see is 404 at series and instance level, like an unknown one.
 */
@Path("/dicomweb/studies")
@RequestScoped
@RolesAllowed("imaging-reader")
@Produces({QidoRsResource.DICOM_JSON, "application/json"})
@QidoMetered
public class QidoRsResource {

    /** Media type of the DICOM JSON model (PS3.18 Annex F). */
    public static final String DICOM_JSON = "application/dicom+json";

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
     * Search for studies (PS3.18 §10.6.1, Table 10.6.1-5 keys PatientID, PatientName, StudyDate,
     * ModalitiesInStudy, StudyInstanceUID, AccessionNumber; limit, offset, includefield).
     *
     * @return 200 with the permitted matches of the requested page
     * @throws org.imagingexchange.registry.domain.InvalidQueryParameterException 400 naming the parameter
     */
    @GET
    @Audited(BalpPattern.PATIENT_QUERY)
    public Response studies() {
        StudyQuery query = QidoQueryParser.studies(uriInfo.getQueryParameters());
        SearchResult<Study> result = search.studies(query, Requesters.of(context));
        noteQuery("QIDO-RS studies");
        for (Study s : result.items()) {
            audited.patient(s.patientId(), s.issuerOfPatientId());
            audited.entity("ImagingStudy", s.studyInstanceUid(), s.studyDescription());
        }
        audited.outcomeDetail("returned " + result.items().size() + " of " + result.total() + " permitted studies");
        return ok(writer().studies(result.items(), query.fields()).toString());
    }

    /**
     * Search for a study's series (PS3.18 §10.6.1; keys Modality, SeriesInstanceUID).
     *
     * @param study Study Instance UID
     * @return 200 with the matching series
     * @throws org.imagingexchange.registry.domain.StudyNotFoundException 404 when unknown or not permitted
     */
    @GET
    @Path("/{study}/series")
    @Audited(BalpPattern.PATIENT_QUERY)
    public Response series(@PathParam("study") String study) {
        QidoQueryParser.uid("study", study);
        SeriesQuery query = QidoQueryParser.series(uriInfo.getQueryParameters());
        noteQuery("QIDO-RS series of study " + study);
        StudySearch.InStudy<Series> found = search.series(study, query, Requesters.of(context));
        noteStudy(found.study());
        return ok(writer().series(study, found.result().items()).toString());
    }

    /**
     * Search for a series' instances (PS3.18 §10.6.1; keys SOPInstanceUID, SOPClassUID).
     *
     * @param study  Study Instance UID
     * @param series Series Instance UID
     * @return 200 with the matching instances
     * @throws org.imagingexchange.registry.domain.StudyNotFoundException 404 when unknown or not permitted
     */
    @GET
    @Path("/{study}/series/{series}/instances")
    @Audited(BalpPattern.PATIENT_QUERY)
    public Response instances(@PathParam("study") String study, @PathParam("series") String series) {
        QidoQueryParser.uid("study", study);
        QidoQueryParser.uid("series", series);
        InstanceQuery query = QidoQueryParser.instances(uriInfo.getQueryParameters());
        noteQuery("QIDO-RS instances of series " + series);
        StudySearch.InStudy<Instance> found = search.instances(study, series, query, Requesters.of(context));
        noteStudy(found.study());
        return ok(writer().instances(study, series, found.result().items()).toString());
    }

    private void noteQuery(String description) {
        String q = uriInfo.getRequestUri().getRawQuery();
        audited.entity("query", uriInfo.getPath() + (q == null ? "" : "?" + q), description);
    }

    private void noteStudy(Study s) {
        audited.patient(s.patientId(), s.issuerOfPatientId());
        audited.entity("ImagingStudy", s.studyInstanceUid(), s.studyDescription());
    }

    private DicomJsonWriter writer() {
        return new DicomJsonWriter(config.publicWadoBase());
    }

    private static Response ok(String body) {
        return Response.ok(body, DICOM_JSON).build();
    }
}
