package org.imagingexchange.registry.domain;

import java.util.regex.Pattern;

/**
 * A TM matching key (PS3.4 C.2.2.2.5 range matching): {@code HH[MM[SS[.F{1,6}]]]}, a closed range
 * {@code a-b} or an open one {@code a-} / {@code -b}; bounds are inclusive at their precision, so
 * {@code -0800} includes 08:00:59.999999. Held as bounds in the stored form {@code HHMMSS.FFFFFF}, which
 * compare as text.
 *
 * @param from lower bound {@code HHMMSS}; null for open
 * @param to   upper bound {@code HHMMSS.FFFFFF}; null for open
 */
public record TimeRange(String from, String to) {

    private static final Pattern TM = Pattern.compile("([01]\\d|2[0-3])([0-5]\\d([0-5]\\d(\\.\\d{1,6})?)?)?");

    /**
     * @param parameter the parameter name, for the error
     * @param value     e.g. {@code 0700-0800}, {@code 070000-}, {@code -1200}, {@code 083015}
     * @return the range
     * @throws InvalidQueryParameterException (400) when a bound is not a TM value or the range is empty
     */
    public static TimeRange parse(String parameter, String value) {
        String v = value.strip();
        int dash = v.indexOf('-');
        if (dash < 0) {
            return new TimeRange(lower(parameter, v), upper(parameter, v));
        }
        String a = v.substring(0, dash).strip();
        String b = v.substring(dash + 1).strip();
        if (a.isEmpty() && b.isEmpty() || b.indexOf('-') >= 0) {
            throw new InvalidQueryParameterException(parameter, "a time range is HHMMSS-HHMMSS with at least one bound");
        }
        TimeRange r = new TimeRange(a.isEmpty() ? null : lower(parameter, a), b.isEmpty() ? null : upper(parameter, b));
        if (r.from != null && r.to != null && r.from.compareTo(r.to) > 0) {
            throw new InvalidQueryParameterException(parameter, "the range starts after it ends");
        }
        return r;
    }

    private static String lower(String parameter, String tm) {
        check(parameter, tm);
        String hhmmss = tm.length() >= 6 ? tm : tm + "0000".substring(0, 6 - tm.length());
        return hhmmss;
    }

    private static String upper(String parameter, String tm) {
        check(parameter, tm);
        if (tm.length() > 6) {
            return tm + "999999".substring(0, 13 - tm.length());
        }
        return tm + "5959".substring(0, 6 - tm.length()) + ".999999";
    }

    private static void check(String parameter, String tm) {
        if (!TM.matcher(tm).matches()) {
            throw new InvalidQueryParameterException(parameter, "'" + tm + "' is not a TM value (HHMMSS[.FFFFFF])");
        }
    }
}
