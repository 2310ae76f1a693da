package org.imagingexchange.gateway.domain;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Builds the service URL for a request: the service's base URL, the raw public path and the raw query.
 * Path and query are kept byte-for-byte, including {@code *} and existing {@code %XX} escapes (the
 * services talking to Orthanc rely on unencoded wildcards); only characters that RFC 3986 §2 does not
 * allow in a URI at all (e.g. {@code ^ | " space [ ]}, non-ASCII, a {@code %} not followed by two hex
 * digits) are percent-encoded as UTF-8, because the HTTP client cannot send them otherwise. The service
 * decodes query parameters, so their values are unchanged. Pure, thread-safe.
 */
public final class UpstreamUri {

    private static final String HEX = "0123456789ABCDEF";

    private UpstreamUri() {
    }

    /**
     * @param backendBase the service's base URL, e.g. {@code http://127.0.0.1:9080/registry}
     * @param rawPath     the raw path below the base URL, starting with '/'
     * @param rawQuery    the raw query without '?'; null or empty for none
     * @return the absolute URL to send
     * @throws IllegalArgumentException when the result is still not a URI (cannot happen for valid bases)
     */
    public static URI of(URI backendBase, String rawPath, String rawQuery) {
        String base = backendBase.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        StringBuilder b = new StringBuilder(base).append(encodeIllegal(rawPath, false));
        if (rawQuery != null && !rawQuery.isEmpty()) {
            b.append('?').append(encodeIllegal(rawQuery, true));
        }
        return URI.create(b.toString());
    }

    /** @return the text with every character not allowed in a URI path (or query) percent-encoded */
    static String encodeIllegal(String raw, boolean query) {
        StringBuilder b = new StringBuilder(raw.length() + 16);
        int i = 0;
        while (i < raw.length()) {
            int c = raw.codePointAt(i);
            if (c == '%' && i + 2 < raw.length() && isHex(raw.charAt(i + 1)) && isHex(raw.charAt(i + 2))) {
                b.append('%');
            } else if (c != '%' && (isAllowed(c) || (query && c == '?'))) {
                b.append((char) c);
            } else {
                for (byte x : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
                    b.append('%').append(HEX.charAt((x >> 4) & 0xF)).append(HEX.charAt(x & 0xF));
                }
            }
            i += Character.charCount(c);
        }
        return b.toString();
    }

    /** RFC 3986 unreserved, sub-delims, ':', '@', '/'. */
    private static boolean isAllowed(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
