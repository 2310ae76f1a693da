package org.imagingexchange.retrieval.domain;

/**
 * Port toward a source archive's WADO-RS service (PS3.18 §10.4): opens the response of one retrieve.
 * Thread-safe. The returned body is open: the CALLER closes it (also when it stops reading early).
 */
public interface SourceArchive {

    /**
     * Sends the retrieve and returns once the source's response head has arrived.
     *
     * @param endpoint where to send it
     * @param target   what to retrieve
     * @param accept   the Accept header value for the source (see {@link WadoRsAccept})
     * @return the open response body with its content type; never null
     * @throws DicomObjectNotFoundException       (404) when the source does not have the target
     * @throws NotAcceptableAtSourceException     (406) when the source cannot produce the accepted media type
     * @throws SourceArchiveUnavailableException  (502) when the source is unreachable, refuses our
     *                                            credentials or fails
     */
    RetrievedBody open(StudyEndpoint endpoint, RetrieveTarget target, String accept);
}
