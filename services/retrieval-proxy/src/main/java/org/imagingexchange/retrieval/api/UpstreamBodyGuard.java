package org.imagingexchange.retrieval.api;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.imagingexchange.retrieval.domain.RetrievedBody;

/**
 * Closes the request's source body when the request ends, whatever happened: normally the streaming
 * output has closed it already (closing twice is harmless); this catches the paths where the output
 * never ran (e.g. the container failed before writing). Not thread-safe: one request.
 */
@RequestScoped
public class UpstreamBodyGuard {

    private static final Logger LOG = Logger.getLogger(UpstreamBodyGuard.class.getName());

    private RetrievedBody body;

    /**
     * @param opened the body just opened
     * @return the same body
     */
    RetrievedBody hold(RetrievedBody opened) {
        this.body = opened;
        return opened;
    }

    /** Releases the upstream connection at the end of the request. */
    @PreDestroy
    void release() {
        if (body != null) {
            try {
                body.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, e, () -> "closing source body of " + body.sourceId() + " at request end failed");
            }
        }
    }
}
