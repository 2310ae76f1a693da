package org.imagingexchange.gateway.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The header rules of a forwarding gateway: which request headers go on to the service and which
 * response headers come back. Hop-by-hop fields (RFC 9110 §7.6.1: {@code Connection}, the fields it
 * names, {@code Keep-Alive}, {@code Proxy-Connection}, {@code Proxy-Authenticate},
 * {@code Proxy-Authorization}, {@code TE}, {@code Trailer}, {@code Transfer-Encoding}, {@code Upgrade})
 * are dropped both ways; {@code Via} (§7.6.3), {@code Forwarded} (RFC 7239) and
 * {@code X-Forwarded-For/Proto/Host} are added; {@code Authorization} passes unchanged, because every
 * service verifies the same token again. Headers by which a client could claim an identity or a context
 * ({@link #isIdentityClaim}: {@code X-Remote-User}, {@code X-Forwarded-User}, {@code X-Auth-Request-*},
 * {@code X-Organization-Id}, {@code X-Patient-Id}, {@code Cookie}, ...) never reach a service: identity comes
 * from the verified token alone. Header names in the results are lower case. Pure, thread-safe.
 */
public final class ForwardingHeaders {

    /** The correlation id header, propagated to and echoed from every service. */
    public static final String CORRELATION_ID = "x-correlation-id";

    /** Pseudonym of this hop in {@code Via}. */
    static final String VIA = "1.1 imaging-exchange-gateway";

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade");

    /** Set by the gateway itself (or, for Host and Content-Length, by the HTTP client). */
    private static final Set<String> REQUEST_OWNED = Set.of("host", "content-length", "expect", CORRELATION_ID,
            "forwarded", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "via");

    /** Answered by the gateway itself: CORS is the gateway's, and so are the correlation id and security headers. */
    private static final Set<String> RESPONSE_OWNED = Set.of(CORRELATION_ID, "access-control-allow-origin",
            "access-control-allow-credentials", "access-control-expose-headers", "access-control-allow-methods",
            "access-control-allow-headers", "access-control-max-age");

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /** Header names that claim who or for whom a request is: users, roles, organisations, patients, credentials. */
    private static final Pattern IDENTITY_CLAIM = Pattern.compile(
            "(remote-user|.*(user|auth|identity|principal|organi[sz]ation|patient|role|group|email|subject|jwt"
                    + "|client-cert|ssl-client|consumer|credential|token|purpose|country|tenant).*|cookie|from)");

    private ForwardingHeaders() {
    }

    /**
     * @param lowerCaseName a request header name, lower case
     * @return true when the header could claim an identity or a context a service might trust (any name holding
     *         user, auth, identity, principal, organisation, patient, role, group, email, subject, jwt, client-cert,
     *         ssl-client, consumer, credential, token, purpose, country or tenant; {@code Cookie}, {@code From}),
     *         except {@code Authorization}, which carries the token every service verifies, and {@code User-Agent}
     */
    public static boolean isIdentityClaim(String lowerCaseName) {
        return !"authorization".equals(lowerCaseName) && !"user-agent".equals(lowerCaseName)
                && IDENTITY_CLAIM.matcher(lowerCaseName).matches();
    }

    /**
     * Builds the headers sent to the service.
     *
     * @param incoming      the client's headers, any name case; values in arrival order
     * @param client        the connection the request came in on
     * @param correlationId the request's correlation id
     * @return lower-case header names to values, in a stable order
     */
    public static Map<String, List<String>> toUpstream(Map<String, List<String>> incoming, ClientConnection client,
                                                       String correlationId) {
        Map<String, List<String>> in = lowerCase(incoming);
        Set<String> connectionOptions = connectionOptions(in.get("connection"));
        Map<String, List<String>> out = new LinkedHashMap<>();
        in.forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name) && !connectionOptions.contains(name) && !REQUEST_OWNED.contains(name)
                    && !isIdentityClaim(name)) {
                out.put(name, values);
            }
        });
        List<String> authorization = out.get("authorization");
        if (authorization != null && authorization.size() == 1) {
            out.put("authorization", List.of(canonicalBearer(authorization.get(0))));
        }
        out.put(CORRELATION_ID, List.of(correlationId));
        out.put("x-forwarded-for", List.of(append(in.get("x-forwarded-for"), client.remoteAddress())));
        out.put("x-forwarded-proto", List.of(firstOr(in.get("x-forwarded-proto"), client.scheme())));
        out.put("x-forwarded-host", List.of(firstOr(in.get("x-forwarded-host"), client.host())));
        out.put("forwarded", List.of(append(in.get("forwarded"), forwardedElement(client))));
        out.put("via", List.of(append(in.get("via"), VIA)));
        return out;
    }

    /**
     * Filters the service's response headers for the client; {@code Location} and
     * {@code Content-Location} pass through {@code locations}.
     *
     * @param upstream  the service's headers, any name case
     * @param locations rewrites a service URL into the public one
     * @return lower-case header names to values
     */
    public static Map<String, List<String>> toClient(Map<String, List<String>> upstream,
                                                     java.util.function.UnaryOperator<String> locations) {
        Map<String, List<String>> in = lowerCase(upstream);
        Set<String> connectionOptions = connectionOptions(in.get("connection"));
        Map<String, List<String>> out = new LinkedHashMap<>();
        in.forEach((name, values) -> {
            if (HOP_BY_HOP.contains(name) || connectionOptions.contains(name) || RESPONSE_OWNED.contains(name)
                    || SecurityHeaders.NAMES.contains(name) || name.startsWith(":")) {
                return;
            }
            if (name.equals("location") || name.equals("content-location")) {
                out.put(name, values.stream().map(locations).toList());
            } else {
                out.put(name, values);
            }
        });
        return out;
    }

    /** @return the RFC 7239 {@code forwarded-element} for this hop, e.g. {@code for="[::1]";proto=http;host="a:80"} */
    /**
     * The auth-scheme is case-insensitive (RFC 9110 §11.1) but not every service runtime treats it so:
     * the services get the one spelling {@code Bearer}.
     *
     * @param authorization the client's Authorization value
     * @return {@code Bearer <token>} for any spelling of the bearer scheme; other schemes unchanged
     */
    static String canonicalBearer(String authorization) {
        String scheme = "bearer ";
        if (authorization.regionMatches(true, 0, scheme, 0, scheme.length())) {
            return "Bearer " + authorization.substring(scheme.length()).trim();
        }
        return authorization;
    }

    static String forwardedElement(ClientConnection client) {
        String address = client.remoteAddress() == null ? "unknown" : client.remoteAddress();
        String node = address.indexOf(':') >= 0 ? "\"[" + address + "]\"" : quoteIfNeeded(address);
        StringBuilder b = new StringBuilder("for=").append(node);
        if (client.scheme() != null && !client.scheme().isEmpty()) {
            b.append(";proto=").append(quoteIfNeeded(client.scheme()));
        }
        if (client.host() != null && !client.host().isEmpty()) {
            b.append(";host=").append(quoteIfNeeded(client.host()));
        }
        return b.toString();
    }

    /** @return lower-case names of the fields a {@code Connection} header lists (RFC 9110 §7.6.1) */
    static Set<String> connectionOptions(List<String> connectionValues) {
        Set<String> options = new TreeSet<>();
        if (connectionValues != null) {
            for (String value : connectionValues) {
                for (String option : value.split(",")) {
                    String o = option.trim().toLowerCase(Locale.ROOT);
                    if (!o.isEmpty()) {
                        options.add(o);
                    }
                }
            }
        }
        return options;
    }

    private static Map<String, List<String>> lowerCase(Map<String, List<String>> headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            if (name != null && values != null) {
                out.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values);
            }
        });
        return out;
    }

    private static String append(List<String> existing, String value) {
        if (existing == null || existing.isEmpty()) {
            return value;
        }
        return String.join(", ", existing) + ", " + value;
    }

    private static String firstOr(List<String> values, String fallback) {
        if (values != null && !values.isEmpty() && !values.get(0).isBlank()) {
            return values.get(0).split(",")[0].trim();
        }
        return fallback == null ? "" : fallback;
    }

    private static String quoteIfNeeded(String value) {
        if (TOKEN.matcher(value).matches()) {
            return value;
        }
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
