package org.imagingexchange.kit.web;

import java.util.regex.Pattern;

/**
 * Sizes and syntax every service and the gateway accept in the request line and header fields. The
 * HTTP endpoints' {@code limitFieldSize} (server.xml) is set above {@link #MAX_FIELD_CHARS}, so a field
 * between the two gets a problem answer from {@link RequestGuardFilter}. Pure.
 */
public final class RequestLimits {

    /** Longest request URI (path and query) accepted, in characters. */
    public static final int MAX_URI_CHARS = 8192;
    /** Longest single header field (name and value) accepted, in characters. */
    public static final int MAX_FIELD_CHARS = 8192;
    /** Most header characters (all names and values) accepted. */
    public static final int MAX_HEADER_CHARS = 32768;

    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final String PARAMETER = "\\s*;\\s*" + TOKEN + "\\s*=\\s*(?:" + TOKEN + "|\"(?:[^\"\\\\]|\\\\.)*\")";
    /** A media range, with the lone {@code *} that the JDK's HTTP clients send by default. */
    private static final Pattern MEDIA_RANGE = Pattern.compile("(?:" + TOKEN + "/" + TOKEN + "|\\*)(?:" + PARAMETER + ")*\\s*");

    private RequestLimits() {
    }

    /**
     * @param accept an {@code Accept} header value
     * @return true when it is a comma-separated list of media ranges with parameters (empty elements allowed)
     */
    public static boolean isMediaRangeList(String accept) {
        for (String element : accept.split(",", -1)) {
            String e = element.strip();
            if (!e.isEmpty() && !MEDIA_RANGE.matcher(e).matches()) {
                return false;
            }
        }
        return true;
    }
}
