package org.imagingexchange.retrieval.domain;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * The open body of a source archive's WADO-RS response. Closing it releases the upstream connection;
 * closing twice is harmless. Not thread-safe: one reader.
 *
 * @param sourceId      the source it comes from
 * @param contentType   the source's Content-Type exactly as sent (with its multipart boundary); never null
 * @param contentLength length in bytes when the source declared it, otherwise -1
 * @param body          the bytes; read in chunks, never all at once
 */
public record RetrievedBody(String sourceId, String contentType, long contentLength, InputStream body)
        implements Closeable {

    @Override
    public void close() throws IOException {
        body.close();
    }
}
