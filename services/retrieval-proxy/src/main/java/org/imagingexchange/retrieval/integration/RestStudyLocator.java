package org.imagingexchange.retrieval.integration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.imagingexchange.kit.problem.ProblemException;
import org.imagingexchange.retrieval.config.RetrievalConfig;
import org.imagingexchange.retrieval.domain.RegistryUnavailableException;
import org.imagingexchange.retrieval.domain.StudyEndpoint;
import org.imagingexchange.retrieval.domain.StudyLocation;
import org.imagingexchange.retrieval.domain.StudyLocator;
import org.imagingexchange.retrieval.domain.StudyNotFoundException;

/**
 * {@link StudyLocator} over the registry's REST API. Maps the registry's answers once: 404 becomes
 * {@link StudyNotFoundException}; any other error, a timeout or no connection becomes
 * {@link RegistryUnavailableException} (503).
 *
 * <p>Found locations are kept for {@code exchange.retrieval.location-ttl-ms} (Caffeine, bounded by
 * {@code exchange.retrieval.location-cache-size}); concurrent lookups of one study make one registry call.
 * Failures and unknown studies are never kept; {@link #forget} drops a study at once. Consent is not part
 * of the location and is still decided on every request. Thread-safe.
 */
@ApplicationScoped
public class RestStudyLocator implements StudyLocator {

    @Inject
    @RestClient
    RegistryClient registry;

    @Inject
    RetrievalConfig config;

    private Cache<String, StudyLocation> locations;

    @PostConstruct
    void init() {
        keep(config.locationTtl(), config.locationCacheSize());
    }

    /**
     * @param ttl  how long a location is reused; zero keeps nothing
     * @param size most locations kept
     */
    void keep(Duration ttl, long size) {
        locations = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(ttl.isZero() ? 0 : size)
                .executor(Runnable::run)
                .build();
    }

    @Override
    public StudyLocation locate(String studyInstanceUid) {
        return locations.get(studyInstanceUid, this::fetch);
    }

    @Override
    public void forget(String studyInstanceUid) {
        locations.invalidate(studyInstanceUid);
    }

    private StudyLocation fetch(String studyInstanceUid) {
        StudyLocationDocument doc;
        try {
            doc = registry.location(studyInstanceUid);
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
            if (status == 404) {
                throw new StudyNotFoundException(studyInstanceUid);
            }
            throw new RegistryUnavailableException("The study registry answered HTTP " + status + ".", e);
        } catch (ProcessingException e) {
            ProblemException problem = problemCause(e);
            if (problem != null) {
                throw problem;
            }
            throw new RegistryUnavailableException("The study registry cannot be reached.", e);
        }
        if (doc == null || doc.patientId() == null || doc.patientId().isEmpty()) {
            throw new RegistryUnavailableException("The study registry gave no patient for the study.", null);
        }
        return toLocation(studyInstanceUid, doc);
    }

    /** @return the domain view of the registry's answer */
    static StudyLocation toLocation(String studyInstanceUid, StudyLocationDocument doc) {
        List<StudyEndpoint> endpoints = doc.endpoints() == null ? List.of() : doc.endpoints().stream()
                .filter(e -> e != null && e.address() != null)
                .map(e -> new StudyEndpoint(e.sourceId() == null ? "unnamed" : e.sourceId(), e.address()))
                .toList();
        return new StudyLocation(studyInstanceUid, doc.patientId(), doc.patientIdIssuer(),
                doc.custodianOrganizationId(), endpoints);
    }

    /** A typed problem raised while preparing the call (e.g. no service token: 503) keeps its own status. */
    private static ProblemException problemCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProblemException p) {
                return p;
            }
        }
        return null;
    }
}
