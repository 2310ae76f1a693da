package org.imagingexchange.retrieval.api;

import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;
import org.imagingexchange.audit.client.AuditOutcome;
import org.imagingexchange.audit.client.AuditedTransfer;
import org.imagingexchange.audit.client.TransferAudit;
import org.imagingexchange.retrieval.domain.RetrievedBody;

/**
 * Copies a source body to the client in fixed-size chunks, never holding more than one chunk; closes
 * the source body on every path (end of stream, source failure, client abort). A failure after the
 * head was sent cannot change the status any more: the exception ends the connection, so the client
 * sees a truncated multipart body, never a complete-looking one.
 *
 * <p>Audit (IHE BALP PatientRead of the retrieval): the record is written when the transfer ends, with its
 * real outcome: success once every byte was handed to the container (before the body is closed, so the record
 * is durable before the response is complete), a serious failure when the source broke off, a minor failure
 * when the client went away; in every case with the bytes sent. No audit work happens before the first byte.
 */
final class UpstreamStreamingOutput implements StreamingOutput, AuditedTransfer {

    private final RetrievedBody body;
    private final int chunkBytes;
    private final Consumer<String> contentTypeWriter;
    private TransferAudit audit;

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
    public void auditWith(TransferAudit pending) {
        this.audit = pending;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        long sent = 0;
        try (RetrievedBody source = body) {
            try {
                // An empty write makes the runtime put its (re-serialised) headers on the servlet response,
                // without committing it; the source's exact Content-Type then replaces the runtime's.
                out.write(new byte[0], 0, 0);
                contentTypeWriter.accept(source.contentType());
            } catch (IOException | RuntimeException e) {
                clientGone(sent, e);
                throw e;
            }
            byte[] chunk = new byte[chunkBytes];
            while (true) {
                int n;
                try {
                    n = source.body().read(chunk);
                } catch (IOException | RuntimeException e) {
                    sourceBrokeOff(sent, e);
                    throw e;
                }
                if (n == -1) {
                    break;
                }
                try {
                    out.write(chunk, 0, n);
                } catch (IOException | RuntimeException e) {
                    clientGone(sent, e);
                    throw e;
                }
                sent += n;
            }
            try {
                out.flush();
            } catch (IOException | RuntimeException e) {
                clientGone(sent, e);
                throw e;
            }
            if (audit != null) {
                audit.succeeded("source " + body.sourceId() + ": " + sent + " bytes sent");
            }
        }
    }

    private void sourceBrokeOff(long sent, Exception cause) {
        if (audit != null) {
            audit.failed(AuditOutcome.SERIOUS_FAILURE, "source " + body.sourceId() + " broke off after " + sent
                    + " bytes sent: " + cause.getMessage());
        }
    }

    private void clientGone(long sent, Exception cause) {
        if (audit != null) {
            audit.failed(AuditOutcome.MINOR_FAILURE, "client disconnected after " + sent + " bytes of source "
                    + body.sourceId() + ": " + cause.getMessage());
        }
    }
}
