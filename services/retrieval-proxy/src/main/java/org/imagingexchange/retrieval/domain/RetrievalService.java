package org.imagingexchange.retrieval.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Opens a WADO-RS retrieve (PS3.18 §10.4, IHE RAD-107) at the source archive of an already authorised
 * study (by WADO-RS, or by C-GET for an endpoint with a DICOM address, {@link StudyEndpoint#dimse()}): negotiates the Accept header and tries the study's endpoints in the registry's order, moving
 * to the next only when a source is unavailable (a 404 or 406 is the answer). When the sources lack the
 * study or none can serve it, the study's kept location is dropped ({@link StudyLocator#forget}), so the
 * next request asks the registry again. Thread-safe.
 */
@ApplicationScoped
public class RetrievalService {

    private static final Logger LOG = Logger.getLogger(RetrievalService.class.getName());

    @Inject
    SourceArchive sourceArchive;

    @Inject
    @DimseSource
    SourceArchive dimseArchive;

    @Inject
    StudyLocator locator;

    /**
     * @param location     the study's location (consent already permitted)
     * @param target       what to retrieve
     * @param clientAccept the client's Accept header; may be null
     * @return the open body; the CALLER closes it
     * @throws DicomObjectNotFoundException      (404) when the source lacks the target
     * @throws NotAcceptableAtSourceException    (406) when the source cannot produce the media type
     * @throws SourceArchiveUnavailableException (502, or 504 when the last one did not answer in time) when no
     *                                           endpoint could serve it
     */
    public RetrievedBody open(StudyLocation location, RetrieveTarget target, String clientAccept) {
        if (location.endpoints().isEmpty()) {
            locator.forget(location.studyInstanceUid());
            throw new SourceArchiveUnavailableException("(none)",
                    "is not known: the registry lists no retrieval endpoint for the study", null);
        }
        String accept = WadoRsAccept.upstream(clientAccept, target.metadata());
        SourceArchiveUnavailableException last = null;
        for (StudyEndpoint endpoint : location.endpoints()) {
            try {
                return (endpoint.dimse() ? dimseArchive : sourceArchive).open(endpoint, target, accept);
            } catch (SourceArchiveUnavailableException e) {
                LOG.warning(() -> "source " + endpoint.sourceId() + " unavailable for " + target.path()
                        + ": " + e.detail());
                last = e;
            } catch (DicomObjectNotFoundException e) {
                locator.forget(location.studyInstanceUid());
                throw e;
            }
        }
        locator.forget(location.studyInstanceUid());
        throw last;
    }
}
