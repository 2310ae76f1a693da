package org.imagingexchange.registry.config;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.logging.Logger;
import org.imagingexchange.consent.client.ConsentDecision;
import org.imagingexchange.consent.client.ConsentDecisionPoint;
import org.imagingexchange.consent.client.ConsentRequest;
import org.imagingexchange.registry.domain.ConsentGate;
import org.imagingexchange.registry.domain.CrawlCheckpoints;
import org.imagingexchange.registry.domain.CrawlLog;
import org.imagingexchange.registry.domain.CrawlProgress;
import org.imagingexchange.registry.domain.CrawlService;
import org.imagingexchange.registry.domain.SourceArchives;
import org.imagingexchange.registry.domain.StudyRegistrar;
import org.imagingexchange.registry.domain.StudyIndex;
import org.imagingexchange.registry.domain.StudySearch;
import org.imagingexchange.registry.integration.ConsentPermitSync;

/**
 * CDI wiring of the domain services (which carry no CDI annotations themselves). The consent port is
 * the {@link ConsentDecisionPoint} bean of {@code libs/consent-client}; should none be deployed, every
 * decision is a deny (fail closed), so the registry never shows a study without a consent answer.
 */
@ApplicationScoped
public class RegistryBeans {

    private static final Logger LOG = Logger.getLogger(RegistryBeans.class.getName());

    @Inject
    Instance<ConsentDecisionPoint> consentPoints;

    @Resource
    ManagedExecutorService executor;

    /**
     * @param index     the study index
     * @param prefilter the consent pre-filter (the permit feed mirror)
     * @param config    the scan limit
     * @return the search service, consent-filtered
     */
    @Produces
    @Singleton
    StudySearch studySearch(StudyIndex index, ConsentPermitSync prefilter, RegistryConfig config) {
        return new StudySearch(index, new ConsentGate(consentPoint()), prefilter, config.searchScanLimit());
    }

    /**
     * @param sources     the configured sources
     * @param index       the study index
     * @param checkpoints crawl state per source
     * @param log         the crawl log
     * @param progress    crawl metrics
     * @param config      page size and parallelism
     * @return the crawler (one instance: crawls are serialised on it; contents read on container threads)
     */
    @Produces
    @Singleton
    CrawlService crawlService(SourceArchives sources, StudyIndex index, CrawlCheckpoints checkpoints, CrawlLog log,
                              CrawlProgress progress, RegistryConfig config) {
        return new CrawlService(sources, index, checkpoints, log, new CrawlService.Settings(config.crawlPageSize(),
                config.crawlListPageSize(), executor, config.crawlParallelism(), progress, Clock.systemUTC()));
    }

    /**
     * @param index   the study index
     * @param sources the configured sources (a registration names one of the caller's own)
     * @return the registrar of MADO manifests and ImagingStudy resources
     */
    @Produces
    @Singleton
    StudyRegistrar studyRegistrar(StudyIndex index, SourceArchives sources) {
        return new StudyRegistrar(index, sources);
    }

    private ConsentDecisionPoint consentPoint() {
        if (consentPoints.isResolvable()) {
            return consentPoints.get();
        }
        LOG.severe("no single ConsentDecisionPoint bean is deployed; every consent decision is DENY (fail closed)");
        return new ConsentDecisionPoint() {
            @Override
            public ConsentDecision decide(ConsentRequest request) {
                return ConsentDecision.unavailable();
            }

            @Override
            public List<ConsentDecision> decideAll(List<ConsentRequest> requests) {
                return Collections.nCopies(requests.size(), ConsentDecision.unavailable());
            }
        };
    }
}
