package org.imagingexchange.gateway.integration;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.imagingexchange.gateway.config.GatewayConfig;
import org.imagingexchange.gateway.domain.Backend;
import org.imagingexchange.gateway.domain.PayloadTooLargeException;
import org.imagingexchange.gateway.domain.UpstreamUnavailableException;
import org.imagingexchange.kit.problem.ProblemException;

/**
 * Sends forwarded requests to the services with the JDK HTTP client (HTTP/1.1, no redirects followed:
 * a service's redirect goes back to the client with its Location rewritten). Request bodies stream from
 * the supplied stream; response bodies are handed over as a stream, read by the caller in chunks.
 * Thread-safe; one client (and connection pool) for the application.
 */
@ApplicationScoped
public class HttpUpstreamClient {

    private static final Logger LOG = Logger.getLogger(HttpUpstreamClient.class.getName());

    @Inject
    GatewayConfig config;

    private HttpClient http;

    @PostConstruct
    void init() {
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.connectTimeout())
                .build();
    }

    /**
     * Sends the request asynchronously.
     *
     * @param request what to send
     * @return completes with the response head once it has arrived (body still streaming; the caller
     *         closes the body stream), or exceptionally with the I/O failure
     */
    public CompletableFuture<HttpResponse<InputStream>> send(UpstreamRequest request) {
        HttpRequest.Builder b = HttpRequest.newBuilder(request.uri())
                .timeout(config.upstreamTimeout())
                .method(request.method(), publisher(request));
        request.headers().forEach((name, values) -> values.forEach(value -> {
            try {
                b.header(name, value);
            } catch (IllegalArgumentException e) {
                // A field the JDK client sets itself or refuses (restricted or invalid): not forwarded.
                LOG.log(Level.FINE, () -> "header not forwarded: " + name);
            }
        }));
        return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private static HttpRequest.BodyPublisher publisher(UpstreamRequest request) {
        if (request.body() == null || request.contentLength() == 0) {
            return HttpRequest.BodyPublishers.noBody();
        }
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(request.body());
        return request.contentLength() > 0
                ? HttpRequest.BodyPublishers.fromPublisher(stream, request.contentLength())
                : stream;
    }

    /**
     * Maps a failed exchange to the problem the client gets (once, here, for this adapter).
     *
     * @param error   the failure of {@link #send} or of reading the response
     * @param backend the service that was called
     * @return 413 when the request body outgrew the limit; 503 unreachable; 504 timeout; 502 otherwise
     */
    public static ProblemException problemFor(Throwable error, Backend backend) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof BodyLimitInputStream.BodyLimitExceededException e) {
                return new PayloadTooLargeException(e.limit());
            }
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException || t instanceof ConnectException
                    || t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return UpstreamUnavailableException.unreachable(backend, error);
            }
            if (t instanceof HttpTimeoutException) {
                return UpstreamUnavailableException.timeout(backend, error);
            }
        }
        return UpstreamUnavailableException.failed(backend, error);
    }
}
