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
import org.imagingexchange.audit.domain.InvalidSearchParameterException;

/**
 * Parses the FHIR R4 AuditEvent search parameters this service supports into an {@link AuditQuery}:
 * {@code patient:identifier=[system|]value}, {@code agent} / {@code agent:identifier} (user id, username,
 * OAuth client or organisation), {@code entity} / {@code entity:identifier} (object identifier, e.g. a
 * Study Instance UID), {@code date} with prefixes eq, ge, gt, le, lt (FHIR R4 §3.1.1.5.8; partial dates
 * are ranges, UTC), {@code _count} (default 50, capped at 500), {@code _offset} (paging). {@code _format}
 * is accepted and ignored (always JSON). Any other parameter is an error.
 */
public final class AuditEventSearchParameters {

    private static final Set<String> IGNORED = Set.of("_format");
    private static final Pattern DATE = Pattern.compile("(eq|ge|gt|le|lt)?(\\d{4}(-\\d{2}(-\\d{2}(T.+)?)?)?)");

    private AuditEventSearchParameters() {
    }

    /**
     * @param params the request's query parameters (decoded)
     * @return the query
     * @throws InvalidSearchParameterException (400) naming the unknown, repeated or malformed parameter
     */
    public static AuditQuery parse(Map<String, List<String>> params) {
        String patient = null;
        String issuer = null;
        String agent = null;
        String entity = null;
        Instant from = null;
        Instant before = null;
        int count = AuditQuery.DEFAULT_COUNT;
        int offset = 0;
        for (Map.Entry<String, List<String>> p : params.entrySet()) {
            String name = p.getKey();
            switch (name) {
                case "patient:identifier" -> {
                    String value = single(name, p.getValue());
                    int bar = value.indexOf('|');
                    patient = nonEmpty(name, bar < 0 ? value : value.substring(bar + 1));
                    issuer = bar <= 0 ? null : value.substring(0, bar);
                }
                case "agent", "agent:identifier" -> agent = nonEmpty(name, valueOf(single(name, p.getValue())));
                case "entity", "entity:identifier" -> entity = nonEmpty(name, valueOf(single(name, p.getValue())));
                case "date" -> {
                    for (String value : p.getValue()) {
                        Instant[] bound = dateBound(value);
                        from = bound[0] == null ? from : later(from, bound[0]);
                        before = bound[1] == null ? before : earlier(before, bound[1]);
                    }
                }
                case "_count" -> count = Math.min(number(name, single(name, p.getValue())), AuditQuery.MAX_COUNT);
                case "_offset" -> offset = number(name, single(name, p.getValue()));
                default -> {
                    if (!IGNORED.contains(name)) {
                        throw new InvalidSearchParameterException(name, "not a supported AuditEvent search parameter"
                                + " (patient:identifier, agent, entity, date, _count, _offset)");
                    }
                }
            }
        }
        return new AuditQuery(patient, issuer, agent, entity, from, before, offset, count);
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

    private static String single(String name, List<String> values) {
        if (values.size() != 1) {
            throw new InvalidSearchParameterException(name, "give this parameter once");
        }
        return values.get(0);
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

    private static int number(String name, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                throw new InvalidSearchParameterException(name, "must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidSearchParameterException(name, "not a whole number: '" + value + "'");
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}
