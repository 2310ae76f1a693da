package org.imagingexchange.registry.integration;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.imagingexchange.kit.context.RequestContext;
import org.imagingexchange.kit.security.ActingRequesterHeaders;
import org.imagingexchange.kit.security.ServiceTokenProvider;
import org.imagingexchange.registry.domain.Requester;
import org.imagingexchange.registry.domain.WadoRsRetrieval;

/**
 * {@link WadoRsRetrieval} by the retrieval proxy's WADO-RS ({@code exchange.retrieval.url}): called with this
 * service's token and the requester in the {@link ActingRequesterHeaders}, so the proxy decides consent and
 * audits exactly as for the requester's own retrieval (the AE title as the agent). The multipart body is split
 * part by part with Apache James Mime4j as it streams in: one instance in flight, none held. Thread-safe.
 */
public final class RetrievalProxyWadoRs implements WadoRsRetrieval {

    /** Every part as the source stores it (PS3.18 §8.7.3.5.2: transfer-syntax=* keeps the stored syntax). */
    static final String ACCEPT = "multipart/related; type=\"application/dicom\"; transfer-syntax=*";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final ServiceTokenProvider tokens;

    /**
     * @param retrievalUrl the retrieval proxy's base URL, without trailing slash
     * @param tokens       this service's token
     */
    public RetrievalProxyWadoRs(String retrievalUrl, ServiceTokenProvider tokens) {
        this.base = retrievalUrl + "/dicomweb/studies/";
        this.tokens = tokens;
    }

    @Override
    public Parts open(String study, String series, String instance, Requester requester) throws IOException {
        StringBuilder path = new StringBuilder(base).append(encode(study));
        if (series != null) {
            path.append("/series/").append(encode(series));
            if (instance != null) {
                path.append("/instances/").append(encode(instance));
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.toString())).GET()
                .header("Accept", ACCEPT)
                .header("Authorization", "Bearer " + tokens.accessToken())
                .header(RequestContext.CORRELATION_HEADER, UUID.randomUUID().toString())
                .header(ActingRequesterHeaders.IDENTITY, requester.id())
                .header(ActingRequesterHeaders.ORGANIZATION, requester.organizationId());
        if (!requester.country().isEmpty()) {
            request.header(ActingRequesterHeaders.COUNTRY, requester.country());
        }
        if (!requester.purposeOfUse().isEmpty()) {
            request.header(ActingRequesterHeaders.PURPOSE, requester.purposeOfUse());
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while retrieving " + path, e);
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("WADO-RS " + path + " answered HTTP " + response.statusCode());
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        MimeTokenStream parts = new MimeTokenStream(MimeConfig.PERMISSIVE);
        parts.parseHeadless(response.body(), contentType);
        return new MultipartParts(parts, response.body());
    }

    private static String encode(String uid) {
        return URLEncoder.encode(uid, StandardCharsets.UTF_8);
    }

    /** The body parts of one multipart/related response. */
    private static final class MultipartParts implements Parts {
        private final MimeTokenStream parts;
        private final InputStream body;

        MultipartParts(MimeTokenStream parts, InputStream body) {
            this.parts = parts;
            this.body = body;
        }

        @Override
        public InputStream next() throws IOException {
            try {
                for (EntityState state = parts.next(); state != EntityState.T_END_OF_STREAM; state = parts.next()) {
                    if (state == EntityState.T_BODY) {
                        return parts.getDecodedInputStream();
                    }
                }
                return null;
            } catch (MimeException e) {
                throw new IOException("the multipart response is malformed: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }
}
