package org.imagingexchange.retrieval.domain;

/**
 * The source archive did not start answering in time (no instance of a C-GET arrived within the first-byte
 * timeout): HTTP 504 naming the source. A kind of {@link SourceArchiveUnavailableException}, so the next
 * endpoint of the study is tried.
 */
public class SourceArchiveTimeoutException extends SourceArchiveUnavailableException {

    /**
     * @param sourceId the source
     * @param detail   what did not arrive, e.g. {@code sent no instance within 60 s.}
     */
    public SourceArchiveTimeoutException(String sourceId, String detail) {
        super("source-archive-timeout", 504, "Source archive timeout", sourceId, detail);
    }
}
