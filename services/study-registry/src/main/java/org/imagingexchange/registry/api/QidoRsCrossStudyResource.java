package org.imagingexchange.registry.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashSet;
import java.util.List;
import org.imagingexchange.audit.client.AuditedAccess;
import org.imagingexchange.audit.client.Audited;
import org.imagingexchange.audit.client.BalpPattern;
import org.imagingexchange.kit.context.RequestContext;
import org.imagingexchange.registry.config.RegistryConfig;
import org.imagingexchange.registry.domain.CrossStudyQuery;
import org.imagingexchange.registry.domain.Located;
import org.imagingexchange.registry.domain.QidoQueryParser;
import org.imagingexchange.registry.domain.SearchResult;
import org.imagingexchange.registry.domain.Series;
import org.imagingexchange.registry.domain.SeriesInstance;
import org.imagingexchange.registry.domain.Study;
import org.imagingexchange.registry.domain.StudySearch;

/**
 * QIDO-RS searches across studies (PS3.18 §10.6.1): {@code GET /dicomweb/series} (study and series keys)
 * and {@code GET /dicomweb/instances} (study, series and instance keys), consent-filtered by study before
 * paging like the study-level search. One audit event names every patient whose data was returned.
 */
@Path("/dicomweb")
@RequestScoped
@RolesAllowed("imaging-reader")
@Produces({QidoRsResource.DICOM_JSON, "application/json"})
@QidoMetered
public class QidoRsCrossStudyResource {

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
     * @return 200 with the permitted matching series of every study
     * @throws org.imagingexchange.registry.domain.InvalidQueryParameterException 400 naming the parameter
     */
    @GET
    @Path("/series")
    @Audited(BalpPattern.PATIENT_QUERY)
    public Response series() {
        CrossStudyQuery query = QidoQueryParser.acrossStudies(uriInfo.getQueryParameters(), false);
        SearchResult<Located<Series>> result = search.series(query, Requesters.of(context));
        note("QIDO-RS series", result.items().stream().map(Located::study).toList());
        return ok(new DicomJsonWriter(config.publicWadoBase()).seriesAcross(result.items()).toString());
    }

    /**
     * @return 200 with the permitted matching instances of every study
     * @throws org.imagingexchange.registry.domain.InvalidQueryParameterException 400 naming the parameter
     */
    @GET
    @Path("/instances")
    @Audited(BalpPattern.PATIENT_QUERY)
    public Response instances() {
        CrossStudyQuery query = QidoQueryParser.acrossStudies(uriInfo.getQueryParameters(), true);
        SearchResult<Located<SeriesInstance>> result = search.instances(query, Requesters.of(context));
        note("QIDO-RS instances", result.items().stream().map(Located::study).toList());
        return ok(new DicomJsonWriter(config.publicWadoBase()).instancesAcross(result.items()).toString());
    }

    private void note(String description, List<Study> studies) {
        String q = uriInfo.getRequestUri().getRawQuery();
        audited.entity("query", uriInfo.getPath() + (q == null ? "" : "?" + q), description);
        for (Study s : new LinkedHashSet<>(studies)) {
            audited.patient(s.patientId(), s.issuerOfPatientId());
            audited.entity("ImagingStudy", s.studyInstanceUid(), s.studyDescription());
        }
    }

    private static Response ok(String body) {
        return Response.ok(body, QidoRsResource.DICOM_JSON).build();
    }
}
