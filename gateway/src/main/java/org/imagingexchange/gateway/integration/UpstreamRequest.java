package org.imagingexchange.gateway.integration;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One request to a service, as the gateway forwards it.
 *
 * @param method        HTTP method
 * @param uri           absolute service URL (path and query as they go on the wire)
 * @param headers       header names to values; hop-by-hop fields already removed
 * @param body          opens the request body stream, read once by the HTTP client on its own thread and
 *                      closed by it at the end; null when the request has no body
 * @param contentLength body length in bytes, or -1 when unknown (then sent chunked)
 */
public record UpstreamRequest(String method, URI uri, Map<String, List<String>> headers,
                              Supplier<InputStream> body, long contentLength) {
}
