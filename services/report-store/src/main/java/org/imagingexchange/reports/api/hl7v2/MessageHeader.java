package org.imagingexchange.reports.api.hl7v2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The MSH fields the intake decides on, read from the ER7 text itself (HL7 v2.5.1 §2.14.9; MSH-1 is the
 * field separator at offset 3, MSH-2 the encoding characters), so that they are known even for a message
 * whose body HAPI cannot parse. Values are trimmed, empty when absent; escapes are not decoded (none of
 * these fields carries them in practice).
 *
 * @param sendingApplication   MSH-3 as sent
 * @param sendingFacility MSH-4, components joined by {@code ^}, trailing empty components dropped
 * @param receivingApplication MSH-5 as sent
 * @param receivingFacility    MSH-6 as sent
 * @param type            MSH-9.1 message code
 * @param event           MSH-9.2 trigger event
 * @param controlId       MSH-10
 * @param processingId    MSH-11.1
 * @param version         MSH-12.1
 * @param acceptAckType   MSH-15 (valued: enhanced acknowledgement mode)
 */
public record MessageHeader(String sendingApplication, String sendingFacility, String receivingApplication,
                            String receivingFacility, String type, String event, String controlId, String processingId,
                            String version, String acceptAckType) {

    /**
     * @param er7 the received text
     * @return the header; empty when the text does not start with an MSH segment
     */
    public static Optional<MessageHeader> read(String er7) {
        if (er7 == null || er7.length() < 8 || !er7.startsWith("MSH")) {
            return Optional.empty();
        }
        char fieldSeparator = er7.charAt(3);
        char componentSeparator = er7.charAt(4);
        int end = er7.indexOf('\r');
        String msh = end < 0 ? er7 : er7.substring(0, end);
        List<String> fields = new ArrayList<>(Arrays.asList(msh.split(java.util.regex.Pattern.quote(String.valueOf(fieldSeparator)), -1)));
        fields.set(0, "");
        // fields.get(n) is MSH-(n+1): the separator itself is MSH-1.
        return Optional.of(new MessageHeader(field(fields, 3), components(field(fields, 4), componentSeparator, 3),
                field(fields, 5), field(fields, 6),
                component(field(fields, 9), componentSeparator, 0), component(field(fields, 9), componentSeparator, 1),
                field(fields, 10), component(field(fields, 11), componentSeparator, 0),
                component(field(fields, 12), componentSeparator, 0), field(fields, 15)));
    }

    private static String field(List<String> fields, int seq) {
        return seq - 1 < fields.size() ? fields.get(seq - 1).trim() : "";
    }

    private static String component(String field, char separator, int index) {
        String[] parts = field.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1);
        return index < parts.length ? parts[index].trim() : "";
    }

    private static String components(String field, char separator, int max) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            parts.add(component(field, separator, i));
        }
        while (!parts.isEmpty() && parts.get(parts.size() - 1).isEmpty()) {
            parts.remove(parts.size() - 1);
        }
        return String.join("^", parts);
    }
}
