package org.imagingexchange.audit.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imagingexchange.audit.domain.AuditQuery;
import org.imagingexchange.kit.search.InvalidSearchParameterException;
import org.imagingexchange.kit.search.SearchParameters;

/**
 * Parses the FHIR R4 AuditEvent search parameters this service supports into an {@link AuditQuery}:
 * {@code patient:identifier=[system|]value}, {@code agent} / {@code agent:identifier} (user id, username,
 * OAuth client or organisation), {@code entity} / {@code entity:identifier} (object identifier, e.g. a
 * Study Instance UID), {@code date} with prefixes eq, ge, gt, le, lt (FHIR R4 §3.1.1.5.8; partial dates
 * are ranges, UTC; repeatable), {@code _count} (1.., default 50, capped at 500), {@code _offset} (paging).
 * Unknown and repeated single-valued parameters are refused by the kit's shared {@link SearchParameters}
 * rule; {@code _format} is accepted and ignored (always JSON).
 */
public final class AuditEventSearchParameters {

    private static final String PATIENT_IDENTIFIER = "patient:identifier";
    private static final Set<String> SUPPORTED = Set.of(PATIENT_IDENTIFIER, "agent", "agent:identifier", "entity",
            "entity:identifier", "date", SearchParameters.COUNT, SearchParameters.OFFSET);
    private static final Pattern DATE = Pattern.compile("(eq|ge|gt|le|lt)?(\\d{4}(-\\d{2}(-\\d{2}(T.+)?)?)?)");

    private AuditEventSearchParameters() {
    }

    /**
     * @param params the request's query parameters (decoded)
     * @return the query
     * @throws InvalidSearchParameterException (400) naming the unknown, repeated or malformed parameter
     */
    public static AuditQuery parse(Map<String, List<String>> query) {
        SearchParameters params = SearchParameters.of(query, SUPPORTED);
        String patient = null;
        String issuer = null;
        String patientToken = params.single(PATIENT_IDENTIFIER);
        if (patientToken != null) {
            int bar = patientToken.indexOf('|');
            patient = nonEmpty(PATIENT_IDENTIFIER, bar < 0 ? patientToken : patientToken.substring(bar + 1));
            issuer = bar <= 0 ? null : patientToken.substring(0, bar);
        }
        String agent = either(params, "agent", "agent:identifier");
        String entity = either(params, "entity", "entity:identifier");
        Instant from = null;
        Instant before = null;
        for (String value : params.all("date")) {
            Instant[] bound = dateBound(value);
            from = bound[0] == null ? from : later(from, bound[0]);
            before = bound[1] == null ? before : earlier(before, bound[1]);
        }
        return new AuditQuery(patient, issuer, agent, entity, from, before, params.offset(),
                params.count(AuditQuery.DEFAULT_COUNT, AuditQuery.MAX_COUNT));
    }

    /** @return the value of whichever of the two spellings is given (token value part), null when neither */
    private static String either(SearchParameters params, String name, String identifierName) {
        String plain = params.single(name);
        String token = params.single(identifierName);
        if (plain != null && token != null) {
            throw new InvalidSearchParameterException(identifierName, "give either " + name + " or " + identifierName);
        }
        String chosen = plain != null ? plain : token;
        return chosen == null ? null : nonEmpty(plain != null ? name : identifierName, valueOf(chosen));
    }

    /**
     * @param value one {@code date} value, e.g. {@code ge2025-03-01} or {@code lt2025-03-01T10:00:00Z}
     * @return {inclusive lower bound or null, exclusive upper bound or null}
     * @throws InvalidSearchParameterException (400) when the prefix or date is not valid
     */
    static Instant[] dateBound(String value) {
        Matcher m = DATE.matcher(value);
        if (!m.matches()) {
            throw new InvalidSearchParameterException("date",
                    "expected [eq|ge|gt|le|lt]YYYY[-MM[-DD[Thh:mm:ss[.fff](Z|+hh:mm)]]], got '" + value + "'");
        }
        Instant[] range = range(m.group(2));
        String prefix = m.group(1) == null ? "eq" : m.group(1);
        return switch (prefix) {
            case "ge" -> new Instant[] {range[0], null};
            case "gt" -> new Instant[] {range[1], null};
            case "le" -> new Instant[] {null, range[1]};
            case "lt" -> new Instant[] {null, range[0]};
            default -> range;
        };
    }

    /** @return [start, end) of the period a (partial) FHIR dateTime denotes */
    private static Instant[] range(String date) {
        try {
            if (date.length() == 4) {
                Instant start = LocalDate.of(Integer.parseInt(date), 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
                return new Instant[] {start, LocalDate.of(Integer.parseInt(date) + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC)};
            }
            if (date.length() == 7) {
                YearMonth ym = YearMonth.parse(date);
                return new Instant[] {ym.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                        ym.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)};
            }
            if (date.length() == 10) {
                LocalDate d = LocalDate.parse(date);
                return new Instant[] {d.atStartOfDay().toInstant(ZoneOffset.UTC),
                        d.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)};
            }
            Instant t = OffsetDateTime.parse(date).toInstant();
            ChronoUnit precision = date.contains(".") ? ChronoUnit.MICROS : ChronoUnit.SECONDS;
            return new Instant[] {t, t.plus(1, precision)};
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new InvalidSearchParameterException("date", "not a valid FHIR dateTime with time zone: '" + date + "'");
        }
    }

    private static String valueOf(String token) {
        int bar = token.indexOf('|');
        return bar < 0 ? token : token.substring(bar + 1);
    }

    private static String nonEmpty(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidSearchParameterException(name, "a value is required");
        }
        return value;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}
