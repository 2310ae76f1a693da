package org.imagingexchange.registry.domain;

import java.util.List;
import java.util.Optional;

/** Port: the configured source archives. Thread-safe. */
public interface SourceArchives {

    /** @return every source the registry crawls (by QIDO-RS, or by C-FIND when it has only a DICOM address), in
     *          configuration order */
    List<SourceArchive> all();

    /**
     * @param aeTitle a calling AE title (C-STORE sender)
     * @return the configured source with that AE title, crawled or not (a modality or a DIMSE-only PACS
     *         that sends by C-STORE); empty when no source has it
     */
    default Optional<SourceArchive> byAeTitle(String aeTitle) {
        return all().stream().filter(s -> !s.aeTitle().isEmpty() && s.aeTitle().equals(aeTitle)).findFirst();
    }

    /** @return the AE titles of every configured source, which may open associations to the registry */
    default List<String> aeTitles() {
        return all().stream().map(SourceArchive::aeTitle).filter(ae -> !ae.isEmpty()).distinct().toList();
    }

    /**
     * @param organizationId an organisation id
     * @return every configured source of that organisation, crawled or not, in configuration order
     */
    default List<SourceArchive> ofOrganization(String organizationId) {
        return all().stream().filter(s -> s.organizationId().equals(organizationId)).toList();
    }

    /**
     * @param id source id
     * @return the source, empty when not configured
     */
    default Optional<SourceArchive> byId(String id) {
        return all().stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
