package org.imagingexchange.audit.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The single row (id 1) holding the end of the hash chain; appends lock it for update. */
@Entity
@Table(name = "audit_chain_head")
public class ChainHeadEntity {

    /** Id of the one row. */
    static final int ID = 1;

    @Id
    @Column(name = "id")
    int id;

    @Column(name = "last_sequence", nullable = false)
    long lastSequence;

    @Column(name = "last_hash", nullable = false, length = 64)
    String lastHash;
}
