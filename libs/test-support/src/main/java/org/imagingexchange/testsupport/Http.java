package org.imagingexchange.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Small HTTP helper for integration tests against a started Liberty server on 127.0.0.1
 * (port from system property {@code it.http.port}).
 */
public final class Http {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    /** @return {@code http://127.0.0.1:<it.http.port>} */
    public static String base() {
        return "http://127.0.0.1:" + System.getProperty("it.http.port", "9080");
    }

    /**
     * Sends a request.
     *
     * @param method      HTTP method
     * @param url         absolute URL, or a path appended to {@link #base()}
     * @param token       bearer token; null for none
     * @param contentType body media type; null when there is no body
     * @param body        request body; null for none
     * @param headers     extra header name/value pairs
     * @return the response with the body as a string
     */
    public static HttpResponse<String> send(String method, String url, String token, String contentType, String body,
                                            String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : base() + url))
                .timeout(Duration.ofSeconds(120))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(method + " " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until the server under test answers {@code /health/ready} with 200: on a loaded machine the
     * WAR starts well after the server does.
     *
     * @param seconds how long to wait at most
     * @throws AssertionError when it is not ready in time
     * @throws InterruptedException when interrupted while waiting
     */
    public static void awaitReady(int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (get("/health/ready", null).statusCode() == 200) {
                    return;
                }
            } catch (IllegalStateException notListening) {
                // The HTTP endpoint is not open yet; poll again.
            }
            Thread.sleep(1000);
        }
        throw new AssertionError(base() + "/health/ready not ready within " + seconds + " s");
    }

    /** GET with a bearer token (null for none). */
    public static HttpResponse<String> get(String url, String token, String... headers) {
        return send("GET", url, token, null, null, headers);
    }

    /** POST a body with a bearer token. */
    public static HttpResponse<String> post(String url, String token, String contentType, String body) {
        return send("POST", url, token, contentType, body);
    }

    /** @return the body parsed as a JSON object or array */
    public static JsonStructure json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).read();
    }

    /**
     * @return the body as a problem+json object, after checking the content type
     * @throws AssertionError when the response is not problem+json
     */
    public static JsonObject problem(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            throw new AssertionError("expected application/problem+json but got '" + type + "' with body " + response.body());
        }
        return (JsonObject) json(response);
    }
}
