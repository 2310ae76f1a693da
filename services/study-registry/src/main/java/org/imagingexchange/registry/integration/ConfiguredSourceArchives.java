package org.imagingexchange.registry.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.imagingexchange.registry.config.RegistryConfig;
import org.imagingexchange.registry.domain.SourceArchive;
import org.imagingexchange.registry.domain.SourceArchives;

/**
 * The sources of {@code exchange.registry.sources}: those with a QIDO-RS URL are crawled; every one with an
 * AE title may send by C-STORE. Thread-safe.
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
        return configured().stream().filter(s -> !((QidoRsSourceArchive) s).qidoUrl().isEmpty()).toList();
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
            s = config.sources().stream().map(c -> (SourceArchive) new QidoRsSourceArchive(c, http)).toList();
            sources = s;
        }
        return s;
    }
}
