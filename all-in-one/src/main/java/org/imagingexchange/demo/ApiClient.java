package org.imagingexchange.demo;

import jakarta.json.Json;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Plain HTTP calls of the scenario (JDK HttpClient): bearer or basic auth, JSON bodies. */
final class ApiClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @return the response with a string body */
    HttpResponse<String> send(String method, String url, String authorization, String contentType, String body,
                              String accept) {
        return exchange(request(method, url, authorization, contentType, body, accept), HttpResponse.BodyHandlers.ofString());
    }

    /** @return the response with the body as a stream the caller must close */
    HttpResponse<InputStream> stream(String url, String authorization, String accept) {
        return exchange(request("GET", url, authorization, null, null, accept), HttpResponse.BodyHandlers.ofInputStream());
    }

    /**
     * @return the body of a GET answered 200
     * @throws IllegalStateException on another status
     */
    byte[] bytes(String url, String authorization) {
        HttpResponse<byte[]> r = exchange(request("GET", url, authorization, null, null, null),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered HTTP " + r.statusCode());
        }
        return r.body();
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static JsonStructure json(String body) {
        return Json.createReader(new StringReader(body)).read();
    }

    private static HttpRequest request(String method, String url, String authorization, String contentType, String body,
                                       String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        return b.build();
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
