package org.imagingexchange.registry.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.imagingexchange.dicom.AeTitle;
import org.imagingexchange.dicom.pixelmed.PixelMedDimseScu;
import org.imagingexchange.registry.config.RegistryConfig;
import org.imagingexchange.registry.config.SourceSettings;
import org.imagingexchange.registry.domain.SourceArchive;
import org.imagingexchange.registry.domain.SourceArchives;

/**
 * The sources of {@code exchange.registry.sources}: those with a QIDO-RS URL are crawled by QIDO-RS, those with
 * only a DICOM address (AE title, DIMSE host and port) by C-FIND ({@link CFindSourceArchive}, calling AE title
 * {@code exchange.dimse.ae-title}); every one with an AE title may send by C-STORE. Thread-safe.
 */
@ApplicationScoped
public class ConfiguredSourceArchives implements SourceArchives {

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Inject
    RegistryConfig config;

    private volatile List<SourceArchive> sources;

    @Override
    public List<SourceArchive> all() {
        return configured().stream().filter(ConfiguredSourceArchives::crawled).toList();
    }

    private static boolean crawled(SourceArchive s) {
        return s instanceof CFindSourceArchive || (s instanceof QidoRsSourceArchive q && !q.qidoUrl().isEmpty());
    }

    @Override
    public Optional<SourceArchive> byAeTitle(String aeTitle) {
        return configured().stream().filter(s -> !s.aeTitle().isEmpty() && s.aeTitle().equals(aeTitle)).findFirst();
    }

    @Override
    public List<String> aeTitles() {
        return configured().stream().map(SourceArchive::aeTitle).filter(ae -> !ae.isEmpty()).distinct().toList();
    }

    @Override
    public List<SourceArchive> ofOrganization(String organizationId) {
        return configured().stream().filter(s -> s.organizationId().equals(organizationId)).toList();
    }

    private List<SourceArchive> configured() {
        List<SourceArchive> s = sources;
        if (s == null) {
            PixelMedDimseScu scu = new PixelMedDimseScu(new AeTitle(config.dimseAeTitle()), config.dimseReadTimeout());
            s = config.sources().stream().map(c -> archive(c, scu)).toList();
            sources = s;
        }
        return s;
    }

    private SourceArchive archive(SourceSettings settings, PixelMedDimseScu scu) {
        return settings.dimseOnly() ? new CFindSourceArchive(settings, scu) : new QidoRsSourceArchive(settings, http);
    }
}
