package org.imagingexchange.retrieval.integration;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.imagingexchange.retrieval.config.RetrievalConfig;
import org.imagingexchange.retrieval.config.RetrievalConfig.SourceCredentials;
import org.imagingexchange.retrieval.domain.RetrieveTarget;
import org.imagingexchange.retrieval.domain.RetrievedBody;
import org.imagingexchange.retrieval.domain.SourceArchive;
import org.imagingexchange.retrieval.domain.SourceArchiveUnavailableException;
import org.imagingexchange.retrieval.domain.StudyEndpoint;

/**
 * {@link SourceArchive} over WADO-RS (PS3.18 §10.4) with Apache HttpClient 5 (classic, blocking I/O on the
 * request's thread): HTTP/1.1, persistent connections pooled per source ({@code exchange.retrieval.max-connections}),
 * HTTP Basic credentials per source (RFC 7617, from {@link RetrievalConfig}), no redirects, no content
 * decoding, the body handed back unread as an {@link InputStream} read straight from the connection, so
 * studies are streamed, never buffered, and no thread hand-off sits between source and client.
 *
 * <p>Some sources (Orthanc) close idle connections after a second; a pooled connection idle for longer than
 * 500 ms is checked before reuse, and a GET whose response head never came is sent once more on a fresh
 * connection (GET is idempotent, RFC 9110 §9.2.2). Closing a body before its end aborts the exchange and
 * closes the connection (the source stops sending at once); a body read to its end returns the connection
 * to the pool. Thread-safe.
 */
@ApplicationScoped
public class WadoRsSourceArchive implements SourceArchive {

    private static final Logger LOG = Logger.getLogger(WadoRsSourceArchive.class.getName());

    private CloseableHttpClient http;
    private Function<String, Optional<SourceCredentials>> credentials;
    private RetrievalMetrics metrics;

    /** For CDI's client proxy only. */
    protected WadoRsSourceArchive() {
    }

    /**
     * @param config  timeouts, pool size and per-source credentials
     * @param metrics the adapter's metrics
     */
    @Inject
    public WadoRsSourceArchive(RetrievalConfig config, RetrievalMetrics metrics) {
        this(config.connectTimeout(), config.firstByteTimeout(), config.maxConnections(), config::credentials, metrics);
    }

    /**
     * @param connectTimeout   TCP connect timeout
     * @param firstByteTimeout longest wait for the source's response head, and between two reads of its body
     * @param credentials      Basic credentials by source id; empty for none
     * @param metrics          the adapter's metrics
     */
    public WadoRsSourceArchive(Duration connectTimeout, Duration firstByteTimeout,
                               Function<String, Optional<SourceCredentials>> credentials, RetrievalMetrics metrics) {
        this(connectTimeout, firstByteTimeout, 64, credentials, metrics);
    }

    private WadoRsSourceArchive(Duration connectTimeout, Duration firstByteTimeout, int maxConnections,
                                Function<String, Optional<SourceCredentials>> credentials, RetrievalMetrics metrics) {
        Timeout read = Timeout.of(firstByteTimeout);
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).setSoTimeout(read).build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(read)
                        .setValidateAfterInactivity(TimeValue.ofMilliseconds(500))
                        .build())
                .build();
        this.http = HttpClients.custom()
                .setConnectionManager(pool)
                .disableRedirectHandling()
                .disableContentCompression()
                .disableCookieManagement()
                .disableAuthCaching()
                .setRetryStrategy(new DefaultHttpRequestRetryStrategy(1, TimeValue.ZERO_MILLISECONDS))
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(read).build())
                .build();
        this.credentials = credentials;
        this.metrics = metrics;
    }

    /** Closes the connection pool when the application stops. */
    @PreDestroy
    void close() {
        http.close(CloseMode.IMMEDIATE);
    }

    @Override
    public RetrievedBody open(StudyEndpoint endpoint, RetrieveTarget target, String accept) {
        String source = endpoint.sourceId();
        HttpGet request = request(endpoint, target, accept);
        long start = System.nanoTime();
        ClassicHttpResponse response = send(request, source);
        metrics.firstByte(source, start);
        int status = response.getCode();
        if (status / 100 != 2) {
            abort(request, response, source);
            metrics.upstreamError(source, SourceStatusMapping.reason(status));
            throw SourceStatusMapping.toProblem(status, source, target, accept);
        }
        Header contentType = response.getFirstHeader("Content-Type");
        if (contentType == null || response.getEntity() == null) {
            abort(request, response, source);
            metrics.upstreamError(source, "no_content_type");
            throw new SourceArchiveUnavailableException(source, "answered without a Content-Type.", null);
        }
        long length = response.getEntity().getContentLength();
        InputStream body;
        try {
            body = new SourceBody(request, response, response.getEntity().getContent(), source);
        } catch (IOException e) {
            abort(request, response, source);
            metrics.upstreamError(source, "unreachable");
            throw new SourceArchiveUnavailableException(source, "cannot be reached.", e);
        }
        return new RetrievedBody(source, contentType.getValue(), length, metrics.meter(source, body, start));
    }

    /** @return the GET request for the target at the endpoint, with Accept and credentials */
    HttpGet request(StudyEndpoint endpoint, RetrieveTarget target, String accept) {
        URI uri;
        try {
            uri = target.resolveAgainst(endpoint.address());
        } catch (IllegalArgumentException e) {
            metrics.upstreamError(endpoint.sourceId(), "bad_address");
            throw new SourceArchiveUnavailableException(endpoint.sourceId(),
                    "has no usable WADO-RS address in the registry.", e);
        }
        HttpGet get = new HttpGet(uri);
        get.setHeader("Accept", accept);
        credentials.apply(endpoint.sourceId()).ifPresent(c -> get.setHeader("Authorization", basic(c)));
        return get;
    }

    private ClassicHttpResponse send(HttpGet request, String source) {
        try {
            return http.executeOpen(null, request, null);
        } catch (ConnectTimeoutException e) {
            metrics.upstreamError(source, "unreachable");
            throw new SourceArchiveUnavailableException(source, "cannot be reached.", e);
        } catch (SocketTimeoutException e) {
            metrics.upstreamError(source, "timeout");
            throw new SourceArchiveUnavailableException(source, "did not answer in time.", e);
        } catch (IOException e) {
            metrics.upstreamError(source, "unreachable");
            throw new SourceArchiveUnavailableException(source, "cannot be reached.", e);
        }
    }

    private static String basic(SourceCredentials c) {
        String pair = c.username() + ":" + c.password();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** Ends an exchange whose body is not wanted: the connection is closed, nothing more is read. */
    private static void abort(HttpGet request, ClassicHttpResponse response, String source) {
        request.cancel();
        try {
            response.close();
        } catch (IOException e) {
            // The answer is already decided; closing an aborted exchange may fail and changes nothing.
            LOG.log(Level.FINE, e, () -> "source " + source + ": closing an aborted exchange failed");
        }
    }

    /**
     * A source body read straight from the connection. Closing it after its end keeps the connection for
     * the next request; closing it before aborts the exchange (closing a plain HttpClient body stream would
     * read the rest of the study first).
     */
    private static final class SourceBody extends FilterInputStream {
        private final HttpGet request;
        private final ClassicHttpResponse response;
        private final String source;
        private boolean ended;
        private boolean closed;

        SourceBody(HttpGet request, ClassicHttpResponse response, InputStream content, String source) {
            super(content);
            this.request = request;
            this.response = response;
            this.source = source;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            ended |= b < 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            ended |= n < 0;
            return n;
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            if (ended) {
                response.close();
            } else {
                abort(request, response, source);
            }
        }
    }
}
