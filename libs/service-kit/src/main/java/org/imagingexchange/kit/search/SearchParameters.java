package org.imagingexchange.kit.search;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.imagingexchange.kit.fhir.FhirBase;

/**
 * The query parameters of one search, checked by the one rule every search of the platform shares:
 * a parameter the search does not support is refused (FHIR R4 search.html §3.1.1.3.1 lets a server
 * refuse instead of ignoring, which hides typos such as {@code patient:identifer}), a single-valued
 * parameter given twice is refused, paging numbers are whole numbers in range ({@code _count} /
 * {@code limit} at least 1, {@code _offset} / {@code offset} at least 0). {@code _format} is always
 * accepted (the answer is JSON regardless). Every refusal is an {@link InvalidSearchParameterException}
 * (400) naming the parameter. Immutable and thread-safe.
 */
public final class SearchParameters {

    /** FHIR page size. */
    public static final String COUNT = FhirBase.COUNT;
    /** FHIR index of the first match returned (the platform's paging, as in HAPI FHIR). */
    public static final String OFFSET = FhirBase.OFFSET;
    /** FHIR response format; accepted everywhere, the answer is always JSON. */
    public static final String FORMAT = "_format";
    /** QIDO-RS page size (PS3.18 §8.3.4.4). */
    public static final String LIMIT = "limit";
    /** QIDO-RS index of the first match returned (PS3.18 §8.3.4.4). */
    public static final String QIDO_OFFSET = "offset";

    private final Map<String, List<String>> params;

    private SearchParameters(Map<String, List<String>> params) {
        this.params = Map.copyOf(params);
    }

    /**
     * @param params    the request's decoded query parameters; not null
     * @param supported every parameter name this search understands ({@value #FORMAT} is added)
     * @return the checked parameters
     * @throws InvalidSearchParameterException (400) naming the first unsupported parameter (in name order)
     */
    public static SearchParameters of(Map<String, List<String>> params, Set<String> supported) {
        for (String name : new TreeSet<>(params.keySet())) {
            if (!supported.contains(name) && !FORMAT.equals(name)) {
                throw new InvalidSearchParameterException(abbreviate(name), "not a supported parameter of this search; supported: "
                        + String.join(", ", new TreeSet<>(supported)));
            }
        }
        return new SearchParameters(params);
    }

    /**
     * @param name a single-valued parameter
     * @return its value as given (may be empty), or null when absent
     * @throws InvalidSearchParameterException (400) when given more than once
     */
    public String single(String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new InvalidSearchParameterException(name, "given more than once; give it once");
        }
        return values.get(0);
    }

    /**
     * @param name a repeatable parameter (e.g. {@code date} twice for a range)
     * @return its values in order; empty when absent
     */
    public List<String> all(String name) {
        List<String> values = params.get(name);
        return values == null ? List.of() : List.copyOf(values);
    }

    /**
     * @param name   a single-valued whole-number parameter
     * @param absent the value when the parameter is absent
     * @param min    smallest value allowed
     * @param max    largest value allowed
     * @return the value
     * @throws InvalidSearchParameterException (400) when repeated, not a whole number, or out of range
     */
    public int integer(String name, int absent, int min, int max) {
        String text = single(name);
        if (text == null) {
            return absent;
        }
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidSearchParameterException(name, "'" + abbreviate(text) + "' is not a whole number");
        }
        if (value < min || value > max) {
            throw new InvalidSearchParameterException(name, max == Integer.MAX_VALUE ? "must be at least " + min
                    : "must be between " + min + " and " + max);
        }
        return value;
    }

    /**
     * FHIR page size: {@value #COUNT} at least 1; above {@code max} the page is {@code max} (R4 search.html
     * §3.1.1.5.7: a server may return fewer than asked).
     *
     * @param absent page size when {@value #COUNT} is absent
     * @param max    largest page served
     * @return the page size, 1..max
     * @throws InvalidSearchParameterException (400) when {@value #COUNT} is repeated, not a whole number, or below 1
     */
    public int count(int absent, int max) {
        return Math.min(integer(COUNT, absent, 1, Integer.MAX_VALUE), max);
    }

    /**
     * @return {@value #OFFSET}, 0 when absent
     * @throws InvalidSearchParameterException (400) when repeated, not a whole number, or negative
     */
    public int offset() {
        return integer(OFFSET, 0, 0, Integer.MAX_VALUE);
    }

    private static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }
}
