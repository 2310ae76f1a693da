package org.imagingexchange.retrieval.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.imagingexchange.retrieval.config.RetrievalConfig;
import org.imagingexchange.retrieval.config.RetrievalConfig.SourceCredentials;
import org.imagingexchange.retrieval.domain.RetrieveTarget;
import org.imagingexchange.retrieval.domain.RetrievedBody;
import org.imagingexchange.retrieval.domain.SourceArchive;
import org.imagingexchange.retrieval.domain.SourceArchiveUnavailableException;
import org.imagingexchange.retrieval.domain.StudyEndpoint;

/**
 * {@link SourceArchive} over WADO-RS (PS3.18 §10.4) with the JDK HttpClient: HTTP/1.1, HTTP Basic
 * credentials per source (RFC 7617, from {@link RetrievalConfig}), the body handed back unread as an
 * {@link InputStream} ({@code BodyHandlers.ofInputStream}) so studies are streamed, never buffered.
 *
 * <p>Some sources (Orthanc) close the connection after every WADO-RS response. The client then finds a
 * pooled connection dead on the next request; a GET whose response head never came is therefore sent
 * once more on a fresh connection (GET is idempotent, RFC 9110 §9.2.2). Thread-safe.
 */
@ApplicationScoped
public class WadoRsSourceArchive implements SourceArchive {

    private static final Logger LOG = Logger.getLogger(WadoRsSourceArchive.class.getName());

    private HttpClient http;
    private Duration firstByteTimeout;
    private Function<String, Optional<SourceCredentials>> credentials;
    private RetrievalMetrics metrics;

    /** For CDI's client proxy only. */
    protected WadoRsSourceArchive() {
    }

    /**
     * @param config  timeouts and per-source credentials
     * @param metrics the adapter's metrics
     */
    @Inject
    public WadoRsSourceArchive(RetrievalConfig config, RetrievalMetrics metrics) {
        this(config.connectTimeout(), config.firstByteTimeout(), config::credentials, metrics);
    }

    /**
     * @param connectTimeout   TCP connect timeout
     * @param firstByteTimeout longest wait for the source's response head
     * @param credentials      Basic credentials by source id; empty for none
     * @param metrics          the adapter's metrics
     */
    public WadoRsSourceArchive(Duration connectTimeout, Duration firstByteTimeout,
                               Function<String, Optional<SourceCredentials>> credentials, RetrievalMetrics metrics) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.firstByteTimeout = firstByteTimeout;
        this.credentials = credentials;
        this.metrics = metrics;
    }

    @Override
    public RetrievedBody open(StudyEndpoint endpoint, RetrieveTarget target, String accept) {
        String source = endpoint.sourceId();
        HttpRequest request = request(endpoint, target, accept);
        long start = System.nanoTime();
        HttpResponse<InputStream> response = send(request, source);
        metrics.firstByte(source, start);
        int status = response.statusCode();
        if (status / 100 != 2) {
            closeQuietly(response.body(), source);
            metrics.upstreamError(source, SourceStatusMapping.reason(status));
            throw SourceStatusMapping.toProblem(status, source, target, accept);
        }
        Optional<String> contentType = response.headers().firstValue("Content-Type");
        if (contentType.isEmpty()) {
            closeQuietly(response.body(), source);
            metrics.upstreamError(source, "no_content_type");
            throw new SourceArchiveUnavailableException(source, "answered without a Content-Type.", null);
        }
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1L);
        return new RetrievedBody(source, contentType.get(), length, metrics.meter(source, response.body(), start));
    }

    /** @return the GET request for the target at the endpoint, with Accept and credentials */
    HttpRequest request(StudyEndpoint endpoint, RetrieveTarget target, String accept) {
        URI uri;
        try {
            uri = target.resolveAgainst(endpoint.address());
        } catch (IllegalArgumentException e) {
            metrics.upstreamError(endpoint.sourceId(), "bad_address");
            throw new SourceArchiveUnavailableException(endpoint.sourceId(),
                    "has no usable WADO-RS address in the registry.", e);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(firstByteTimeout).header("Accept", accept).GET();
        credentials.apply(endpoint.sourceId()).ifPresent(c -> b.header("Authorization", basic(c)));
        return b.build();
    }

    private HttpResponse<InputStream> send(HttpRequest request, String source) {
        try {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (ConnectException | HttpTimeoutException e) {
                throw e;
            } catch (IOException e) {
                LOG.log(Level.FINE, e, () -> "source " + source + ": no response head, retrying on a fresh connection");
                return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            }
        } catch (HttpTimeoutException e) {
            metrics.upstreamError(source, "timeout");
            throw new SourceArchiveUnavailableException(source, "did not answer in time.", e);
        } catch (IOException e) {
            metrics.upstreamError(source, "unreachable");
            throw new SourceArchiveUnavailableException(source, "cannot be reached.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            metrics.upstreamError(source, "interrupted");
            throw new SourceArchiveUnavailableException(source, "call was interrupted.", e);
        }
    }

    private static String basic(SourceCredentials c) {
        String pair = c.username() + ":" + c.password();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static void closeQuietly(InputStream body, String source) {
        try {
            body.close();
        } catch (IOException e) {
            // The error answer is already decided; a failing close of its body changes nothing.
            LOG.log(Level.FINE, e, () -> "source " + source + ": closing an error body failed");
        }
    }
}
