package org.imagingexchange.registry.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.imagingexchange.kit.problem.BadRequestProblem;
import org.imagingexchange.registry.config.RegistryConfig;
import org.imagingexchange.registry.config.SourceSettings;
import org.imagingexchange.registry.domain.CrawlLog;
import org.imagingexchange.registry.domain.CrawlService;

/**
 * Internal administration of crawling (role {@code exchange-service}): {@code POST /api/crawls} crawls
 * now, {@code GET /api/sources} lists the configured sources with their last crawl.
 */
@Path("/api")
@RequestScoped
@RolesAllowed("exchange-service")
@Produces(MediaType.APPLICATION_JSON)
public class CrawlResource {

    /** Looked up once: {@code Json.create...} asks the ServiceLoader for the provider on every call. */
    private static final JsonProvider JSON_PROVIDER = JsonProvider.provider();

    @Inject
    CrawlService crawler;
    @Inject
    CrawlLog crawlLog;
    @Inject
    RegistryConfig config;

    /**
     * Crawls all sources, or the one named in the optional body {@code {"source":"hospital-a"}}.
     *
     * @param body empty, or a JSON object with member {@code source}
     * @return one result per source
     * @throws org.imagingexchange.registry.domain.UnknownSourceException 400 for an unknown source id
     * @throws org.imagingexchange.registry.domain.SourceArchiveUnavailableException 503 when a source is unreachable
     * @throws org.imagingexchange.registry.domain.SourceArchiveResponseException 502 when a source answers unusably
     */
    @POST
    @Path("/crawls")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public List<CrawlResponse> crawl(String body) {
        return crawler.crawl(sourceOf(body)).stream().map(CrawlResponse::of).toList();
    }

    /** @return the configured sources with their last crawl result */
    @GET
    @Path("/sources")
    public List<SourceResponse> sources() {
        return config.sources().stream().map(this::describe).toList();
    }

    private SourceResponse describe(SourceSettings s) {
        SourceResponse.LastCrawl last = crawlLog.last(s.id())
                .map(r -> new SourceResponse.LastCrawl(r.finishedAt().toString(), r.succeeded(), r.studies(), r.series(),
                        r.instances(), r.durationMs(), r.detail()))
                .orElse(null);
        return new SourceResponse(s.id(), s.qidoUrl(), s.wadoUrl(), s.organizationId(), s.aeTitle(), last);
    }

    private static Optional<String> sourceOf(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        JsonValue value;
        try (JsonReader reader = JSON_PROVIDER.createReader(new StringReader(body))) {
            value = reader.readValue();
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new BadRequestProblem("invalid-crawl-request", "The body must be a JSON object like {\"source\":\"hospital-a\"}.");
        }
        JsonObject o = value.asJsonObject();
        if (!o.containsKey("source") || o.isNull("source")) {
            return Optional.empty();
        }
        if (o.get("source").getValueType() != JsonValue.ValueType.STRING || o.getString("source").isBlank()) {
            throw new BadRequestProblem("invalid-crawl-request", "Member 'source' must be a non-empty string.");
        }
        return Optional.of(o.getString("source"));
    }
}
