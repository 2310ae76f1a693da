package org.imagingexchange.registry.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.imagingexchange.registry.config.RegistryConfig;
import org.imagingexchange.registry.domain.SourceArchive;
import org.imagingexchange.registry.domain.SourceArchives;

/** The sources of {@code exchange.registry.sources}, each reached by QIDO-RS. Thread-safe. */
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
        List<SourceArchive> s = sources;
        if (s == null) {
            s = config.sources().stream().map(c -> (SourceArchive) new QidoRsSourceArchive(c, http)).toList();
            sources = s;
        }
        return s;
    }
}
