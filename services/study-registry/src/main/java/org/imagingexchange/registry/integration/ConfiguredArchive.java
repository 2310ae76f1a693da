package org.imagingexchange.registry.integration;

import org.imagingexchange.registry.config.SourceSettings;
import org.imagingexchange.registry.domain.SourceArchive;

/**
 * What every {@link SourceArchive} of {@code exchange.registry.source.<id>.*} answers from its configuration:
 * id, custodian organisation, AE title, default Issuer of Patient ID. Subclasses add how the archive is read
 * (QIDO-RS or C-FIND) and where its studies are retrieved. Immutable.
 */
abstract class ConfiguredArchive implements SourceArchive {

    /** The source's configuration. */
    protected final SourceSettings settings;

    /** @param settings the source's configuration */
    ConfiguredArchive(SourceSettings settings) {
        this.settings = settings;
    }

    @Override
    public String id() {
        return settings.id();
    }

    @Override
    public String organizationId() {
        return settings.organizationId();
    }

    @Override
    public String aeTitle() {
        return settings.aeTitle();
    }

    @Override
    public String defaultIssuer() {
        return settings.defaultIssuer();
    }
}
