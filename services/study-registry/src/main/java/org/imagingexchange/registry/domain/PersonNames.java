package org.imagingexchange.registry.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Person name (PN, PS3.5 §6.2.1) normalisation for matching: the three component groups (alphabetic,
 * ideographic, phonetic, separated by {@code =}), each made case- and accent-insensitive (Unicode NFKD,
 * combining marks removed, lower case) with trailing empty components ({@code ^}) dropped, so that
 * {@code Müller^Jürgen^^^} and {@code MULLER^JURGEN} compare equal. Used both for what the index stores
 * and for QIDO-RS keys, so matching is the same on both sides (PS3.4 C.2.2.2.1 lets PN matching ignore
 * case; the registry also ignores accents). Pure and thread-safe.
 */
public final class PersonNames {

    /** Longest normalised component kept for fuzzy matching (the column width). */
    public static final int MAX_COMPONENT = 64;

    /** Scripts whose diacritics are accents (Cyrillic й or ё are letters of their own and stay). */
    private static final Set<Character.UnicodeScript> ACCENTED_SCRIPTS = Set.of(Character.UnicodeScript.LATIN,
            Character.UnicodeScript.GREEK);
    private static final Pattern TRAILING_CARETS = Pattern.compile("\\^+$");
    private static final Pattern COMPONENT_SEPARATORS = Pattern.compile("[\\^\\s,]+");

    private PersonNames() {
    }

    /**
     * Case and accent folding: compatibility decomposition (NFKD), diacritics removed from Latin and Greek
     * letters only (a Japanese voiced mark, a Hangul syllable or a Cyrillic й is part of the letter and is
     * kept), recomposed (NFC), lower case.
     *
     * @param text any text; null allowed
     * @return the folded text, stripped; null for null
     */
    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        Character.UnicodeScript base = Character.UnicodeScript.COMMON;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            boolean mark = type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK;
            if (!mark) {
                base = Character.UnicodeScript.of(cp);
                out.appendCodePoint(cp);
            } else if (!ACCENTED_SCRIPTS.contains(base)) {
                out.appendCodePoint(cp);
            }
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).strip();
    }

    /**
     * @param personName a DICOM PN value ({@code Alphabetic=Ideographic=Phonetic}); null allowed
     * @return exactly three entries (alphabetic, ideographic, phonetic), each folded with trailing empty
     *         components removed; an absent group is null
     */
    public static List<String> searchGroups(String personName) {
        List<String> out = new ArrayList<>(Arrays.asList(new String[3]));
        if (personName == null) {
            return out;
        }
        String[] groups = personName.split("=", -1);
        for (int i = 0; i < Math.min(3, groups.length); i++) {
            String g = TRAILING_CARETS.matcher(fold(groups[i])).replaceAll("");
            out.set(i, g.isEmpty() ? null : g);
        }
        return out;
    }

    /**
     * The name's components for fuzzy matching: family, given, middle names (and prefix/suffix) of every
     * group, folded, each at most {@value #MAX_COMPONENT} characters.
     *
     * @param personName a DICOM PN value; null allowed
     * @return distinct non-empty components in order; empty when there is no name
     */
    public static Set<String> components(String personName) {
        Set<String> out = new LinkedHashSet<>();
        for (String group : searchGroups(personName)) {
            if (group == null) {
                continue;
            }
            for (String c : COMPONENT_SEPARATORS.split(group)) {
                if (!c.isEmpty()) {
                    out.add(c.length() > MAX_COMPONENT ? c.substring(0, MAX_COMPONENT) : c);
                }
            }
        }
        return out;
    }

    /**
     * @param key a fuzzy PatientName key, e.g. {@code joh smi} or {@code Smith^J*}
     * @return its folded tokens without wildcards; every token must prefix-match some component
     */
    public static List<String> fuzzyTokens(String key) {
        List<String> out = new ArrayList<>();
        for (String t : COMPONENT_SEPARATORS.split(fold(key).replace("=", " ").replace("*", " ").replace("?", " "))) {
            if (!t.isEmpty()) {
                out.add(t.length() > MAX_COMPONENT ? t.substring(0, MAX_COMPONENT) : t);
            }
        }
        return out;
    }
}
