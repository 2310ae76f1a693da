package org.imagingexchange.registry.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * A DA matching key (PS3.4 C.2.2.2.5 range matching): a single date {@code YYYYMMDD}, a closed range
 * {@code a-b}, or an open range {@code a-} / {@code -b}; bounds are inclusive.
 *
 * @param from first day, inclusive; null for an open lower bound
 * @param to   last day, inclusive; null for an open upper bound
 */
public record DateRange(LocalDate from, LocalDate to) {

    /** DA values in the DICOM default format (PS3.5 Table 6.2-1), resolved strictly (no 20230230). */
    public static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private static final Pattern EIGHT_DIGITS = Pattern.compile("\\d{8}");

    /**
     * Parses a QIDO-RS date key.
     *
     * @param parameter the parameter name, for the error
     * @param value     e.g. {@code 20240101}, {@code 20240101-20241231}, {@code 20240101-}, {@code -20241231}
     * @return the range; a single date gives from == to
     * @throws InvalidQueryParameterException (400) when a bound is not a valid YYYYMMDD date, both bounds
     *                                        are missing, or from is after to
     */
    public static DateRange parse(String parameter, String value) {
        String v = value.trim();
        int dash = v.indexOf('-');
        if (dash < 0) {
            LocalDate d = date(parameter, v);
            return new DateRange(d, d);
        }
        if (v.indexOf('-', dash + 1) >= 0) {
            throw new InvalidQueryParameterException(parameter, "a range has one '-' (YYYYMMDD-YYYYMMDD)");
        }
        String a = v.substring(0, dash).trim();
        String b = v.substring(dash + 1).trim();
        if (a.isEmpty() && b.isEmpty()) {
            throw new InvalidQueryParameterException(parameter, "a range needs at least one bound");
        }
        DateRange range = new DateRange(a.isEmpty() ? null : date(parameter, a), b.isEmpty() ? null : date(parameter, b));
        if (range.from != null && range.to != null && range.from.isAfter(range.to)) {
            throw new InvalidQueryParameterException(parameter, "the range starts after it ends");
        }
        return range;
    }

    /**
     * @param date a stored date; null when the study has none
     * @return true when the date lies inside the range; a missing date never matches
     */
    public boolean contains(LocalDate date) {
        return date != null && (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }

    private static LocalDate date(String parameter, String text) {
        if (!EIGHT_DIGITS.matcher(text).matches()) {
            throw new InvalidQueryParameterException(parameter, "'" + text + "' is not a DA value (YYYYMMDD)");
        }
        try {
            return LocalDate.parse(text, DA);
        } catch (DateTimeParseException e) {
            throw new InvalidQueryParameterException(parameter, "'" + text + "' is not a calendar date");
        }
    }
}
