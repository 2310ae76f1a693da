package org.imagingexchange.reports.domain;

import java.util.Objects;

/**
 * Identity of a received HL7 v2 message for duplicate detection (HL7 v2.5.1 §2.10.1: MSH-10 is unique
 * per sending system): the organisation it was received for, MSH-4 sending facility and MSH-10 control id.
 *
 * @param organizationId  organisation the sender acts for (token or configured facility); not null
 * @param sendingFacility MSH-4 as sent (HD components joined by {@code ^}); not null
 * @param controlId       MSH-10 message control id; not blank
 */
public record MessageKey(String organizationId, String sendingFacility, String controlId) {

    /** Compact constructor: nulls refused, control id must be non-blank. */
    public MessageKey {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(sendingFacility, "sendingFacility");
        if (controlId == null || controlId.isBlank()) {
            throw new IllegalArgumentException("MSH-10 message control id is blank");
        }
    }
}
