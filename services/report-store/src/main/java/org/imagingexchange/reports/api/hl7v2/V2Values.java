package org.imagingexchange.reports.api.hl7v2;

import ca.uhn.hl7v2.model.Composite;
import ca.uhn.hl7v2.model.Primitive;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.model.Varies;
import ca.uhn.hl7v2.model.v251.datatype.CE;
import ca.uhn.hl7v2.model.v251.datatype.EI;
import ca.uhn.hl7v2.model.v251.datatype.HD;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;

/**
 * Conversions of HL7 v2.5.1 data types to FHIR R4 values: TS/DTM (HL7 v2.5.1 §2.A.22) to dateTime, HD
 * assigning authorities to identifier systems, CE to CodeableConcept, OBX-5 values to text. Pure and
 * thread-safe.
 */
public final class V2Values {

    /** Identifier system prefix of an ISO OID assigning authority (HD-2 with HD-3 = ISO). */
    public static final String OID_PREFIX = "urn:oid:";

    private static final Pattern DTM = Pattern.compile(
            "(\\d{4})(\\d{2})?(\\d{2})?(?:(\\d{2})(\\d{2})?(\\d{2})?(?:\\.(\\d{1,4}))?)?([+-]\\d{4})?");

    private V2Values() {
    }

    /**
     * Converts a DTM value; a time without UTC offset is taken in the given zone (HL7 v2.5.1 §2.A.22: the
     * sender's local time when no offset is given, which the receiver must know by agreement).
     *
     * @param dtm  e.g. {@code 20040119072730}, {@code 20040119}, {@code 200401190727+0100}
     * @param zone zone of values without offset
     * @return the FHIR dateTime with the sender's precision; empty when {@code dtm} is blank
     * @throws IllegalArgumentException when the text is not a DTM or not a real calendar date
     */
    public static Optional<DateTimeType> dateTime(String dtm, ZoneId zone) {
        if (dtm == null || dtm.isBlank()) {
            return Optional.empty();
        }
        Matcher m = DTM.matcher(dtm.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + dtm + "' is not an HL7 DTM (YYYY[MM[DD[HH[MM[SS[.S]]]]]][+/-ZZZZ])");
        }
        try {
            if (m.group(4) == null) {
                LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), parse(m.group(2), 1), parse(m.group(3), 1));
                TemporalPrecisionEnum precision = m.group(2) == null ? TemporalPrecisionEnum.YEAR
                        : m.group(3) == null ? TemporalPrecisionEnum.MONTH : TemporalPrecisionEnum.DAY;
                return Optional.of(new DateTimeType(date.format(DateTimeFormatter.ISO_LOCAL_DATE)
                        .substring(0, precision == TemporalPrecisionEnum.YEAR ? 4 : precision == TemporalPrecisionEnum.MONTH ? 7 : 10)));
            }
            String fraction = m.group(7) == null ? "0" : (m.group(7) + "000").substring(0, 3);
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), parse(m.group(2), 1), parse(m.group(3), 1),
                    Integer.parseInt(m.group(4)), parse(m.group(5), 0), parse(m.group(6), 0), Integer.parseInt(fraction) * 1_000_000);
            OffsetDateTime at = m.group(8) != null ? local.atOffset(ZoneOffset.of(m.group(8).substring(0, 3) + ":" + m.group(8).substring(3)))
                    : local.atZone(zone).toOffsetDateTime();
            DateTimeType value = new DateTimeType(Date.from(at.toInstant()),
                    m.group(7) != null ? TemporalPrecisionEnum.MILLI : TemporalPrecisionEnum.SECOND,
                    java.util.TimeZone.getTimeZone(at.getOffset()));
            return Optional.of(value);
        } catch (java.time.DateTimeException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + dtm + "' is not a real date and time: " + e.getMessage(), e);
        }
    }

    private static int parse(String group, int absent) {
        return group == null ? absent : Integer.parseInt(group);
    }

    /**
     * @param authority an HD (assigning authority, namespace or facility)
     * @return {@code urn:oid:<HD-2>} when HD-3 is ISO, HD-2 when HD-3 is URI; empty otherwise (a namespace id
     *         alone names no global system; it is kept as the identifier's assigner display)
     */
    public static Optional<String> system(HD authority) {
        String universal = text(authority.getUniversalID().getValue());
        String type = text(authority.getUniversalIDType().getValue()).toUpperCase(Locale.ROOT);
        if (universal.isEmpty()) {
            return Optional.empty();
        }
        return switch (type) {
            case "ISO" -> Optional.of(universal.startsWith(OID_PREFIX) ? universal : OID_PREFIX + universal);
            case "URI" -> Optional.of(universal);
            default -> Optional.empty();
        };
    }

    /**
     * @param ei     an entity identifier (order numbers, HL7 v2.5.1 §2.A.26)
     * @param type   identifier type of HL7 table 0203 (e.g. PLAC, FILL)
     * @return the FHIR identifier (system from EI-3/EI-4, assigner display EI-2); empty when EI-1 is blank
     */
    public static Optional<Identifier> identifier(EI ei, String type) {
        String value = text(ei.getEntityIdentifier().getValue());
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Identifier id = new Identifier().setValue(value);
        id.getType().addCoding().setSystem(org.imagingexchange.reports.api.ReportFhirMapper.V2_0203).setCode(type);
        String universal = text(ei.getUniversalID().getValue());
        String universalType = text(ei.getUniversalIDType().getValue()).toUpperCase(Locale.ROOT);
        if (!universal.isEmpty() && universalType.equals("ISO")) {
            id.setSystem(universal.startsWith(OID_PREFIX) ? universal : OID_PREFIX + universal);
        } else if (!universal.isEmpty() && universalType.equals("URI")) {
            id.setSystem(universal);
        }
        String namespace = text(ei.getNamespaceID().getValue());
        if (!namespace.isEmpty()) {
            id.getAssigner().setDisplay(namespace);
        }
        return Optional.of(id);
    }

    /**
     * @param ce a coded element (CE-1..3 and the alternate CE-4..6)
     * @return the CodeableConcept (coding systems mapped by {@link V2Terms#codeSystem}; text = CE-2)
     */
    public static CodeableConcept concept(CE ce) {
        CodeableConcept concept = new CodeableConcept();
        addCoding(concept, ce.getIdentifier().getValue(), ce.getText().getValue(), ce.getNameOfCodingSystem().getValue());
        addCoding(concept, ce.getAlternateIdentifier().getValue(), ce.getAlternateText().getValue(),
                ce.getNameOfAlternateCodingSystem().getValue());
        if (!text(ce.getText().getValue()).isEmpty()) {
            concept.setText(ce.getText().getValue());
        }
        return concept;
    }

    private static void addCoding(CodeableConcept concept, String code, String display, String system) {
        if (text(code).isEmpty()) {
            return;
        }
        org.hl7.fhir.r4.model.Coding coding = concept.addCoding().setCode(code.trim());
        V2Terms.codeSystem(system).ifPresent(coding::setSystem);
        if (!text(display).isEmpty()) {
            coding.setDisplay(display);
        }
    }

    /**
     * @param type a field or component as parsed (primitive or composite; {@link Varies} unwrapped)
     * @return its text: a primitive's value, a composite's components joined by {@code ^} without trailing
     *         empties; empty when absent
     */
    public static String text(Type type) {
        Type t = type instanceof Varies v ? v.getData() : type;
        if (t instanceof Primitive p) {
            return text(p.getValue());
        }
        if (t instanceof Composite c) {
            Type[] components = c.getComponents();
            String[] parts = new String[components.length];
            int n = 0;
            for (int i = 0; i < components.length; i++) {
                parts[i] = text(components[i]);
                if (!parts[i].isEmpty()) {
                    n = i + 1;
                }
            }
            return String.join("^", java.util.Arrays.copyOf(parts, n));
        }
        return "";
    }

    /** @return the value trimmed; empty for null */
    public static String text(String value) {
        return value == null ? "" : value.trim();
    }
}
