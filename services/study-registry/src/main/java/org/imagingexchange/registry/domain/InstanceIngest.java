package org.imagingexchange.registry.domain;

import java.util.Objects;
import java.util.logging.Logger;

/**
 * Indexes the headers of instances a source sends by C-STORE (PS3.4 Annex B; only the header reaches the
 * registry, the pixels stay with the sender): the sender's default Issuer of Patient ID applies, the study
 * joins whatever the index already knows of it. Thread-safe when the index is.
 */
public final class InstanceIngest {

    private static final Logger LOG = Logger.getLogger(InstanceIngest.class.getName());

    private final StudyIndex index;

    /** @param index the study index */
    public InstanceIngest(StudyIndex index) {
        this.index = Objects.requireNonNull(index);
    }

    /**
     * @param source   the sending source (by its calling AE title)
     * @param header   the instance's study level
     * @param series   its series level
     * @param instance the instance
     * @return true when new to the index, false when it replaced the same SOP Instance
     */
    public boolean ingest(SourceArchive source, Study header, Series series, Instance instance) {
        boolean added = index.registerInstance(source, header.withDefaultIssuer(source.defaultIssuer()), series, instance);
        LOG.fine(() -> "C-STORE from " + source.id() + ": " + instance.sopInstanceUid() + (added ? " added" : " replaced"));
        return added;
    }
}
