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
import org.imagingexchange.registry.domain.CrossStudyQuery;
import org.imagingexchange.registry.domain.Instance;
import org.imagingexchange.registry.domain.Located;
import org.imagingexchange.registry.domain.SeriesInstance;
import org.imagingexchange.registry.domain.InstanceQuery;
import org.imagingexchange.registry.domain.Paging;
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

    /** warn-agent of the registry's Warning headers (RFC 7234 §5.5). */
    static final String WARN_AGENT = "imaging-exchange-registry";

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
     * Search for studies (PS3.18 §10.6.1, Table 10.6.1-5 keys StudyDate, StudyTime, AccessionNumber,
     * ModalitiesInStudy, ReferringPhysicianName, PatientName, PatientID, StudyInstanceUID, StudyID, plus
     * IssuerOfPatientID; limit, offset, includefield, fuzzymatching).
     *
     * @return 200 with the permitted matches of the requested page; a {@code Warning} when the limit was
     *         reduced to the server's maximum or the search reached the scan limit (PS3.18 §8.3.4.4)
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
        audited.outcomeDetail("returned " + result.items().size() + " permitted studies"
                + (result.more() ? " (more exist)" : "") + (result.truncated() ? " (scan limit reached)" : ""));
        Response.ResponseBuilder response = Response.ok(writer().studies(result.items(), query.fields()).toString(),
                DICOM_JSON);
        if (query.paging().limitReduced()) {
            response.header("Warning", "299 " + WARN_AGENT + " \"The number of results exceeded the maximum supported"
                    + " by the server (" + Paging.MAX_LIMIT + "). Additional results can be requested.\"");
        }
        if (result.truncated()) {
            response.header("Warning", "299 " + WARN_AGENT + " \"The search stopped at the server's scan limit;"
                    + " narrow the query (e.g. PatientID, StudyDate) for complete results.\"");
        }
        return response.build();
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

    /**
     * Search for a study's instances across its series (PS3.18 §10.6.1, {@code /studies/{study}/instances};
     * series and instance keys).
     *
     * @param study Study Instance UID
     * @return 200 with the matching instances and their series attributes
     * @throws org.imagingexchange.registry.domain.StudyNotFoundException 404 when unknown or not permitted
     */
    @GET
    @Path("/{study}/instances")
    @Audited(BalpPattern.PATIENT_QUERY)
    public Response studyInstances(@PathParam("study") String study) {
        QidoQueryParser.uid("study", study);
        java.util.Map<String, java.util.List<String>> params = new java.util.HashMap<>(uriInfo.getQueryParameters());
        params.put("StudyInstanceUID", java.util.List.of(study));
        CrossStudyQuery query = QidoQueryParser.acrossStudies(params, true);
        noteQuery("QIDO-RS instances of study " + study);
        Study found = search.visibleStudy(study, Requesters.of(context));
        noteStudy(found);
        SearchResult<Located<SeriesInstance>> result = search.instances(query, Requesters.of(context));
        return ok(writer().instancesAcross(result.items()).toString());
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
