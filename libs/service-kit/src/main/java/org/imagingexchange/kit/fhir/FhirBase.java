package org.imagingexchange.kit.fhir;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The platform's public FHIR service base URL ({@code [base]}, FHIR R4 http.html#root) and the absolute
 * URLs a service writes into FHIR bodies and headers: {@code Bundle.entry.fullUrl}, {@code Bundle.link}
 * ({@code self}, {@code next}) and the {@code Location} of a created resource (http.html#create).
 *
 * <p>Behind the gateway a service's own URL ({@code http://host/reports/fhir/...}) is unusable for a
 * client, so services never derive these URLs from the request; they take the base from MP Config key
 * {@value #CONFIG_KEY} (env {@code EXCHANGE_PUBLIC_FHIR_BASE}), default {@value #DEFAULT_URL}.
 * Immutable and thread-safe.
 *
 * @param url absolute http(s) URL without query or fragment; a trailing {@code /} is removed
 */
public record FhirBase(String url) {

    /** MP Config key of the public FHIR base. */
    public static final String CONFIG_KEY = "exchange.public-fhir-base";

    /** Default public FHIR base: the local gateway. */
    public static final String DEFAULT_URL = "http://127.0.0.1:8080/fhir";

    /** FHIR search result parameter for the page size (R4 search.html#count). */
    public static final String COUNT = "_count";

    /** The platform's paging parameter: index of the first match on the page (0-based). */
    public static final String OFFSET = "_offset";

    /**
     * @throws IllegalArgumentException when {@code url} is null, not an absolute http(s) URL, or carries
     *                                  a query or fragment (the message names {@value #CONFIG_KEY})
     */
    public FhirBase {
        if (url == null || url.isBlank()) {
            throw invalid(url, "it is empty");
        }
        url = url.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        URI parsed;
        try {
            parsed = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid(url, "it is not a URI");
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || parsed.getRawAuthority() == null) {
            throw invalid(url, "it is not an absolute http(s) URL");
        }
        if (parsed.getRawQuery() != null || parsed.getRawFragment() != null) {
            throw invalid(url, "it has a query or fragment");
        }
    }

    /**
     * @param type resource type, e.g. {@code DiagnosticReport}
     * @param id   logical id (FHIR id, {@code [A-Za-z0-9\-.]{1,64}}; other characters are percent-encoded)
     * @return {@code [base]/[type]/[id]}, e.g. for {@code Bundle.entry.fullUrl}
     */
    public String resourceUrl(String type, String id) {
        return url + "/" + type + "/" + segment(id);
    }

    /**
     * @param type      resource type
     * @param id        logical id
     * @param versionId version id (1 for a new resource)
     * @return {@code [base]/[type]/[id]/_history/[vid]} (R4 http.html#vread), e.g. for {@code Location}
     */
    public String versionUrl(String type, String id, int versionId) {
        return resourceUrl(type, id) + "/_history/" + versionId;
    }

    /**
     * @param type     resource type
     * @param rawQuery the query string as the client sent it (still percent-encoded); null or empty for none
     * @return {@code [base]/[type]?[rawQuery]}, for {@code Bundle.link} {@code self}
     */
    public String searchUrl(String type, String rawQuery) {
        return rawQuery == null || rawQuery.isEmpty() ? url + "/" + type : url + "/" + type + "?" + rawQuery;
    }

    /**
     * The URL of another page of the same search: the client's parameters stay as sent (raw, in order),
     * every {@value #OFFSET} and {@value #COUNT} is replaced by one of each at the end.
     *
     * @param type     resource type
     * @param rawQuery the query string as the client sent it; null or empty for none
     * @param offset   index of the page's first match (0-based)
     * @param count    page size (number of resources)
     * @return {@code [base]/[type]?[other parameters]&_offset=[offset]&_count=[count]}, for {@code next}/{@code previous}
     */
    public String pageUrl(String type, String rawQuery, int offset, int count) {
        List<String> kept = new ArrayList<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
                if (!pair.isEmpty() && !name.equals(OFFSET) && !name.equals(COUNT)) {
                    kept.add(pair);
                }
            }
        }
        kept.add(OFFSET + "=" + offset);
        kept.add(COUNT + "=" + count);
        return searchUrl(type, String.join("&", kept));
    }

    private static String segment(String id) {
        StringBuilder b = new StringBuilder();
        for (byte c : id.getBytes(StandardCharsets.UTF_8)) {
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                b.append((char) c);
            } else {
                b.append('%').append(String.format("%02X", c & 0xff));
            }
        }
        return b.toString();
    }

    private static IllegalArgumentException invalid(String url, String why) {
        return new IllegalArgumentException(CONFIG_KEY + " '" + url + "' is not a usable public FHIR base: " + why);
    }
}
