package org.imagingexchange.registry.domain;

import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The attribute matching rules of PS3.4 C.2.2.2 used by QIDO-RS (PS3.18 §8.3.4.1): universal matching
 * (empty key), single value matching (exact, case-sensitive except PN), wildcard matching ({@code *}
 * any sequence, {@code ?} one character) and matching against multi-valued stored attributes. Range
 * matching of dates is {@link DateRange}; list of UID matching is a set lookup. Pure functions.
 *
 * <p>A stored value that is absent never matches a non-universal key (PS3.4 leaves this to the SCP).
 */
public final class AttributeMatching {

    private AttributeMatching() {
    }

    /**
     * Single value or wildcard matching of a text value (VRs SH, LO, CS, ...).
     *
     * @param key        the matching key; null or empty is universal matching
     * @param value      the stored value; null when absent
     * @param ignoreCase true for PN (PS3.4 C.2.2.2.1 lets PN matching ignore case)
     * @return true when the value matches
     */
    public static boolean matches(String key, String value, boolean ignoreCase) {
        if (key == null || key.isEmpty()) {
            return true;
        }
        if (value == null) {
            return false;
        }
        String stored = value.strip();
        if (key.indexOf('*') < 0 && key.indexOf('?') < 0) {
            return ignoreCase ? key.strip().toLowerCase(Locale.ROOT).equals(stored.toLowerCase(Locale.ROOT))
                    : key.strip().equals(stored);
        }
        return wildcard(key.strip(), ignoreCase).matcher(stored).matches();
    }

    /**
     * Person name matching (PS3.4 C.2.2.2.1-2, case-insensitive): the key matches the whole PN value or
     * any one of its component groups (alphabetic, ideographic, phonetic, separated by {@code =}), so
     * {@code 山田*} finds {@code Yamada^Tarou=山田^太郎=やまだ^たろう}.
     *
     * @param key        the matching key; null or empty is universal matching
     * @param personName the stored PN string; null when absent
     * @return true when the name matches
     */
    public static boolean matchesPersonName(String key, String personName) {
        if (key == null || key.isEmpty()) {
            return true;
        }
        if (personName == null) {
            return false;
        }
        if (matches(key, personName, true)) {
            return true;
        }
        for (String group : personName.split("=", -1)) {
            if (!group.isEmpty() && matches(key, group, true)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Matching of a multi-valued stored attribute (e.g. Modalities in Study) against one or more key
     * values: true when any key value matches any stored value (PS3.4 C.2.2.2.1 and C.2.2.2.8).
     *
     * @param keys   the key values; empty is universal matching
     * @param values the stored values
     * @return true when some pair matches
     */
    public static boolean matchesAny(Collection<String> keys, Collection<String> values) {
        if (keys.isEmpty()) {
            return true;
        }
        for (String key : keys) {
            for (String value : values) {
                if (matches(key, value, false)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * List of UID matching (PS3.4 C.2.2.2.2).
     *
     * @param uids the requested UIDs; empty is universal matching
     * @param uid  the stored UID
     * @return true when the UID is one of the list
     */
    public static boolean matchesUidList(Collection<String> uids, String uid) {
        return uids.isEmpty() || uids.contains(uid);
    }

    private static Pattern wildcard(String key, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        return Pattern.compile(regex.toString(), flags);
    }
}
