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

    /** A weight parameter: {@code q=} and its value, up to the next parameter or the end. */
    private static final Pattern WEIGHT = Pattern.compile(";\\s*[qQ]\\s*=\\s*([^;]*)");
    /**
     * A weight (RFC 9110 §12.4.2 qvalue, also accepting the leading-dot form {@code .2} the JDK's HTTP clients send):
     * a number from 0 to 1 with at most three decimals.
     */
    private static final Pattern QVALUE = Pattern.compile("(?:0?\\.\\d{1,3}|0(?:\\.\\d{0,3})?|1(?:\\.0{0,3})?)");

    private RequestLimits() {
    }

    /**
     * @param accept an {@code Accept} header value
     * @return true when it is a comma-separated list of media ranges with parameters (empty elements allowed) whose
     *         weights ({@code q}) are numbers from 0 to 1
     */
    public static boolean isMediaRangeList(String accept) {
        for (String element : accept.split(",", -1)) {
            String e = element.strip();
            if (!e.isEmpty() && (!MEDIA_RANGE.matcher(e).matches() || !weightsValid(e))) {
                return false;
            }
        }
        return true;
    }

    private static boolean weightsValid(String mediaRange) {
        java.util.regex.Matcher m = WEIGHT.matcher(mediaRange);
        while (m.find()) {
            if (!QVALUE.matcher(m.group(1).strip()).matches()) {
                return false;
            }
        }
        return true;
    }
}
