package org.imagingexchange.retrieval.api;

import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;
import org.imagingexchange.retrieval.domain.RetrievedBody;

/**
 * Copies a source body to the client in fixed-size chunks, never holding more than one chunk; closes
 * the source body on every path (end of stream, source failure, client abort). A failure after the
 * head was sent cannot change the status any more: the exception ends the connection, so the client
 * sees a truncated multipart body, never a complete-looking one.
 */
final class UpstreamStreamingOutput implements StreamingOutput {

    private final RetrievedBody body;
    private final int chunkBytes;
    private final Consumer<String> contentTypeWriter;

    /**
     * @param body              the open source body; closed by {@link #write}
     * @param chunkBytes        size of one chunk in bytes
     * @param contentTypeWriter sets the response's Content-Type header verbatim, called once before the
     *                          first byte (the JAX-RS runtime re-serialises media types, which reorders the
     *                          multipart parameters; the source's header is passed on exactly)
     */
    UpstreamStreamingOutput(RetrievedBody body, int chunkBytes, Consumer<String> contentTypeWriter) {
        this.body = body;
        this.chunkBytes = chunkBytes;
        this.contentTypeWriter = contentTypeWriter;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        try (RetrievedBody source = body) {
            // An empty write makes the runtime put its (re-serialised) headers on the servlet response,
            // without committing it; the source's exact Content-Type then replaces the runtime's.
            out.write(new byte[0], 0, 0);
            contentTypeWriter.accept(source.contentType());
            byte[] chunk = new byte[chunkBytes];
            int n;
            while ((n = source.body().read(chunk)) != -1) {
                out.write(chunk, 0, n);
            }
            out.flush();
        }
    }
}
