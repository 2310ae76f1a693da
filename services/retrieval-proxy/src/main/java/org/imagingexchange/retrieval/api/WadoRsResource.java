package org.imagingexchange.retrieval.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagingexchange.audit.client.Audited;
import org.imagingexchange.audit.client.BalpPattern;
import org.imagingexchange.retrieval.config.RetrievalConfig;
import org.imagingexchange.retrieval.domain.RetrieveTarget;
import org.imagingexchange.retrieval.domain.RetrievalService;
import org.imagingexchange.retrieval.domain.RetrievedBody;

/**
 * WADO-RS Retrieve Transaction (DICOM PS3.18 §10.4; IHE RAD-107 Retrieve Imaging Document Set over
 * WADO-RS): study, series and instance as {@code multipart/related; type="application/dicom"} and their
 * metadata as {@code application/dicom+json}, streamed from the study's source archive. Role
 * {@code imaging-reader}, or a platform service retrieving for a named requester ({@link ActingRequesterFilter});
 * consent by {@link StudyConsentFilter}; one BALP PatientRead audit record per call,
 * written when the transfer ends with its outcome ({@link UpstreamStreamingOutput}), for errors at once.
 * The Accept header goes to the source unchanged (no {@code @Produces}: the source negotiates).
 */
@Path("dicomweb/studies")
@RequestScoped
@RolesAllowed({"imaging-reader", ActingRequesterFilter.SERVICE_ROLE})
@ConsentEnforced
@Audited(BalpPattern.PATIENT_READ)
@Tag(name = "WADO-RS", description = "PS3.18 §10.4 retrieve, IHE RAD-107")
public class WadoRsResource {

    @Inject
    RetrievalService retrieval;

    @Inject
    AuthorizedStudy authorized;

    @Inject
    UpstreamBodyGuard guard;

    @Inject
    RetrievalConfig config;

    @Context
    HttpHeaders headers;

    @Context
    HttpServletResponse servletResponse;

    /**
     * Retrieve Study (PS3.18 §10.4.1.1.1).
     *
     * @param study Study Instance UID (eHN A.1.8.10)
     * @return 200 with the source's multipart body; 400 bad UID, 403 role, 404 unknown study or consent denies (one answer),
     *         406 not acceptable, 502 source unavailable, 503 registry unavailable (problem+json)
     */
    @GET
    @Path("{study}")
    @Operation(summary = "Retrieve all instances of a study (multipart/related; type=\"application/dicom\")")
    public Response retrieveStudy(@PathParam("study") String study) {
        return stream(new RetrieveTarget(study, null, null, false));
    }

    /**
     * Retrieve Series (PS3.18 §10.4.1.1.1).
     *
     * @param study  Study Instance UID
     * @param series Series Instance UID (eHN B.1.4.2)
     * @return as {@link #retrieveStudy}
     */
    @GET
    @Path("{study}/series/{series}")
    @Operation(summary = "Retrieve all instances of a series")
    public Response retrieveSeries(@PathParam("study") String study, @PathParam("series") String series) {
        return stream(new RetrieveTarget(study, series, null, false));
    }

    /**
     * Retrieve Instance (PS3.18 §10.4.1.1.1).
     *
     * @param study    Study Instance UID
     * @param series   Series Instance UID
     * @param instance SOP Instance UID (eHN B.1.4.7)
     * @return as {@link #retrieveStudy}
     */
    @GET
    @Path("{study}/series/{series}/instances/{instance}")
    @Operation(summary = "Retrieve one instance")
    public Response retrieveInstance(@PathParam("study") String study, @PathParam("series") String series,
                                     @PathParam("instance") String instance) {
        return stream(new RetrieveTarget(study, series, instance, false));
    }

    /**
     * Retrieve Study Metadata (PS3.18 §10.4.1.1.2, DICOM JSON F.2).
     *
     * @param study Study Instance UID
     * @return 200 {@code application/dicom+json} from the source; errors as {@link #retrieveStudy}
     */
    @GET
    @Path("{study}/metadata")
    @Operation(summary = "Retrieve the metadata of a study (application/dicom+json)")
    public Response retrieveStudyMetadata(@PathParam("study") String study) {
        return stream(new RetrieveTarget(study, null, null, true));
    }

    /**
     * Retrieve Series Metadata (PS3.18 §10.4.1.1.2).
     *
     * @param study  Study Instance UID
     * @param series Series Instance UID
     * @return as {@link #retrieveStudyMetadata}
     */
    @GET
    @Path("{study}/series/{series}/metadata")
    @Operation(summary = "Retrieve the metadata of a series")
    public Response retrieveSeriesMetadata(@PathParam("study") String study, @PathParam("series") String series) {
        return stream(new RetrieveTarget(study, series, null, true));
    }

    /**
     * Retrieve Instance Metadata (PS3.18 §10.4.1.1.2).
     *
     * @param study    Study Instance UID
     * @param series   Series Instance UID
     * @param instance SOP Instance UID
     * @return as {@link #retrieveStudyMetadata}
     */
    @GET
    @Path("{study}/series/{series}/instances/{instance}/metadata")
    @Operation(summary = "Retrieve the metadata of one instance")
    public Response retrieveInstanceMetadata(@PathParam("study") String study, @PathParam("series") String series,
                                             @PathParam("instance") String instance) {
        return stream(new RetrieveTarget(study, series, instance, true));
    }

    private Response stream(RetrieveTarget target) {
        RetrievedBody body = guard.hold(retrieval.open(authorized.location(target.studyInstanceUid()), target, accept()));
        // One chunk per copy: the response goes out in chunkBytes pieces (the container's default is 32 KiB).
        servletResponse.setBufferSize(config.chunkBytes());
        UpstreamStreamingOutput output = new UpstreamStreamingOutput(body, config.chunkBytes(),
                contentType -> servletResponse.setHeader(HttpHeaders.CONTENT_TYPE, contentType));
        Response.ResponseBuilder response = Response.ok(output).header(HttpHeaders.CONTENT_TYPE, body.contentType());
        if (body.contentLength() >= 0) {
            response.header(HttpHeaders.CONTENT_LENGTH, body.contentLength());
        }
        return response.build();
    }

    /** @return the client's Accept header values joined by commas; null when none was sent */
    private String accept() {
        List<String> values = headers.getRequestHeader(HttpHeaders.ACCEPT);
        return values == null || values.isEmpty() ? null : String.join(", ", values);
    }
}
