package org.imagingexchange.gateway.integration;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.imagingexchange.gateway.config.GatewayConfig;
import org.imagingexchange.gateway.domain.Backend;
import org.imagingexchange.gateway.domain.PayloadTooLargeException;
import org.imagingexchange.gateway.domain.UpstreamUnavailableException;
import org.imagingexchange.kit.problem.ProblemException;

/**
 * Sends forwarded requests to the services with Apache HttpClient 5 (classic, blocking I/O on the calling
 * thread): HTTP/1.1, persistent connections pooled per service ({@code exchange.gateway.max-connections}),
 * no redirects followed (a service's redirect goes back to the client with its Location rewritten), no
 * retries (bodies are streamed once), no content decoding. Request bodies stream from the supplied stream;
 * response bodies are read by the caller straight from the connection, without a thread hand-off.
 * Thread-safe; one client and connection pool for the application.
 */
@ApplicationScoped
public class HttpUpstreamClient {

    /** Request fields the HTTP client sets itself from the entity and the target. */
    private static final Set<String> CLIENT_OWNED = Set.of("host", "content-length", "transfer-encoding",
            "connection", "expect", "upgrade", "te", "keep-alive");

    @Inject
    GatewayConfig config;

    private PoolingHttpClientConnectionManager pool;
    private CloseableHttpClient http;

    @PostConstruct
    void init() {
        Timeout connect = Timeout.of(config.connectTimeout());
        Timeout read = Timeout.of(config.upstreamTimeout());
        pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(config.maxConnections())
                .setMaxConnPerRoute(config.maxConnections())
                .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).setSoTimeout(read).build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connect)
                        .setSocketTimeout(read)
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                .build();
        http = HttpClients.custom()
                .setConnectionManager(pool)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableContentCompression()
                .disableCookieManagement()
                .disableAuthCaching()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(read).build())
                .build();
    }

    @PreDestroy
    void close() {
        http.close(CloseMode.IMMEDIATE);
    }

    /**
     * Sends the request and waits for the response head (at most {@code exchange.gateway.upstream-timeout-seconds}
     * between two reads).
     *
     * @param request what to send
     * @return the open response; the caller reads its body and closes it
     * @throws IOException the I/O failure (map it with {@link #problemFor})
     */
    public UpstreamResponse send(UpstreamRequest request) throws IOException {
        HttpUriRequestBase outgoing = new HttpUriRequestBase(request.method(), request.uri());
        request.headers().forEach((name, values) -> {
            if (!CLIENT_OWNED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> outgoing.addHeader(name, value));
            }
        });
        if (request.body() != null && request.contentLength() != 0) {
            outgoing.setEntity(new InputStreamEntity(request.body().get(), request.contentLength(), null));
        }
        ClassicHttpResponse response = http.executeOpen(null, outgoing, null);
        return new UpstreamResponse(outgoing, response);
    }

    /**
     * Maps a failed exchange to the problem the client gets (once, here, for this adapter).
     *
     * @param error   the failure of {@link #send}
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
            if (t instanceof ConnectTimeoutException || t instanceof ConnectException
                    || t instanceof UnknownHostException) {
                return UpstreamUnavailableException.unreachable(backend, error);
            }
            if (t instanceof SocketTimeoutException) {
                return UpstreamUnavailableException.timeout(backend, error);
            }
        }
        return UpstreamUnavailableException.failed(backend, error);
    }
}
