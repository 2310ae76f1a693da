package org.imagingexchange.gateway.domain;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Turns a URL a service put in {@code Location} or {@code Content-Location} (RFC 9110 §10.2.2) into the
 * public URL of the same resource: the service's context root goes
 * ({@code /reports/fhir/DiagnosticReport/7} becomes {@code /fhir/DiagnosticReport/7},
 * {@code /registry/dicomweb/studies} becomes {@code /dicomweb/studies}) and an absolute URL on the
 * service's own origin moves to the gateway's public origin. Other URLs pass unchanged. Pure, thread-safe.
 */
public final class LocationRewriter {

    private LocationRewriter() {
    }

    /**
     * @param location    the header value as the service sent it; may be null
     * @param backendBase the service's configured base URL, e.g. {@code http://127.0.0.1:9080/reports}
     * @param publicBase  the gateway's public origin, e.g. {@code https://exchange.example.org}, no trailing '/'
     * @return the public URL; the input when it does not point into the service's public tree
     */
    public static String rewrite(String location, URI backendBase, String publicBase) {
        if (location == null || location.isEmpty()) {
            return location;
        }
        URI uri;
        try {
            uri = new URI(location);
        } catch (URISyntaxException e) {
            return location;
        }
        String contextRoot = trimTrailingSlash(backendBase.getRawPath());
        String path = uri.getRawPath();
        if (path == null || !isServicePath(path, contextRoot)) {
            return location;
        }
        if (uri.isAbsolute() && !sameOrigin(uri, backendBase)) {
            return location;
        }
        if (!uri.isAbsolute() && uri.getRawAuthority() != null) {
            return location;
        }
        StringBuilder b = new StringBuilder();
        if (uri.isAbsolute()) {
            b.append(trimTrailingSlash(publicBase));
        }
        b.append(path.substring(contextRoot.length()));
        if (uri.getRawQuery() != null) {
            b.append('?').append(uri.getRawQuery());
        }
        if (uri.getRawFragment() != null) {
            b.append('#').append(uri.getRawFragment());
        }
        return b.toString();
    }

    private static boolean isServicePath(String path, String contextRoot) {
        if (!path.startsWith(contextRoot)) {
            return false;
        }
        String rest = path.substring(contextRoot.length());
        return rest.equals("/dicomweb") || rest.startsWith("/dicomweb/")
                || rest.equals("/fhir") || rest.startsWith("/fhir/");
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static String trimTrailingSlash(String s) {
        if (s == null) {
            return "";
        }
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
