package org.imagingexchange.registry.domain;

import java.util.List;
import java.util.Optional;

/** Port: the configured source archives. Thread-safe. */
public interface SourceArchives {

    /** @return every configured source, in configuration order */
    List<SourceArchive> all();

    /**
     * @param id source id
     * @return the source, empty when not configured
     */
    default Optional<SourceArchive> byId(String id) {
        return all().stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
