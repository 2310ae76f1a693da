package org.imagingexchange.audit.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An accessed object of an audit event (table {@code audit_event_entity}). */
@Embeddable
public class EntityRow {

    /** Identifiers up to this length are also stored in the indexed {@code identifier_key}. */
    static final int KEY_LENGTH = 200;

    @Column(name = "entity_type", nullable = false, length = 64)
    String type;

    @Column(name = "identifier", nullable = false, length = 16000)
    String identifier;

    @Column(name = "identifier_key", length = KEY_LENGTH)
    String identifierKey;

    @Column(name = "description", nullable = false, length = 1024)
    String description;
}
