package org.imagingexchange.registry.domain;

import java.util.List;

/**
 * A configured source for unit tests that never read from it (C-STORE senders, registration targets).
 *
 * @param id             source id
 * @param organizationId custodian organisation
 * @param wadoRsBaseUrl  WADO-RS base, empty for a C-STORE-only sender
 * @param aeTitle        AE title, empty when none
 * @param defaultIssuer  default Issuer of Patient ID, empty when none
 */
record TestArchive(String id, String organizationId, String wadoRsBaseUrl, String aeTitle, String defaultIssuer)
        implements SourceArchive {

    @Override
    public List<Study> studies(int offset, int limit) {
        return List.of();
    }

    @Override
    public List<StudyManifest.SeriesManifest> contents(String studyInstanceUid) {
        return List.of();
    }
}
