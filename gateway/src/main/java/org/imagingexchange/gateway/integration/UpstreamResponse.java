package org.imagingexchange.gateway.integration;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;

/**
 * A service's response as the gateway forwards it: status, header fields and the body, read straight from
 * the pooled connection. Closing after the body was read to its end returns the connection to the pool;
 * closing before (client gone, body broken off) aborts the exchange and closes the connection, so the
 * service sees the abort at once and no remaining body is read. Not thread-safe: one reader.
 */
public final class UpstreamResponse implements Closeable {

    private static final Logger LOG = Logger.getLogger(UpstreamResponse.class.getName());

    private final HttpUriRequestBase request;
    private final ClassicHttpResponse response;
    private boolean complete;

    UpstreamResponse(HttpUriRequestBase request, ClassicHttpResponse response) {
        this.request = request;
        this.response = response;
    }

    /** @return the HTTP status code */
    public int status() {
        return response.getCode();
    }

    /** @return header fields, names lower case, values in arrival order */
    public Map<String, List<String>> headers() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header h : response.getHeaders()) {
            headers.computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.getValue());
        }
        return headers;
    }

    /**
     * @param name a header name, any case
     * @return its first value
     */
    public Optional<String> header(String name) {
        Header h = response.getFirstHeader(name);
        return h == null ? Optional.empty() : Optional.of(h.getValue());
    }

    /**
     * @return the body stream (chunked and length-delimited framing removed); an empty stream when the
     *         response has no body
     * @throws IOException when the body cannot be opened
     */
    public InputStream body() throws IOException {
        HttpEntity entity = response.getEntity();
        return entity == null ? InputStream.nullInputStream() : entity.getContent();
    }

    /** Marks the body as read to its end: {@link #close} then keeps the connection for reuse. */
    public void complete() {
        complete = true;
    }

    @Override
    public void close() throws IOException {
        if (complete) {
            response.close();
            return;
        }
        request.cancel();
        try {
            response.close();
        } catch (IOException e) {
            // The connection was just closed on purpose; the rest of the body is not wanted.
            LOG.log(Level.FINE, () -> "aborted upstream exchange closed: " + e);
        }
    }
}
