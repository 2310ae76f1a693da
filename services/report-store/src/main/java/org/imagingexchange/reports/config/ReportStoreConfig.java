package org.imagingexchange.reports.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Typed configuration of the report store. Keys (env var in upper case with underscores):
 * {@code exchange.reports.search.default-count} (default 20) and {@code exchange.reports.search.max-count}
 * (default 100): page size of a DiagnosticReport search when {@code _count} is absent, and its upper bound.
 */
@ApplicationScoped
public class ReportStoreConfig {

    @Inject
    @ConfigProperty(name = "exchange.reports.search.default-count", defaultValue = "20")
    int defaultCount;

    @Inject
    @ConfigProperty(name = "exchange.reports.search.max-count", defaultValue = "100")
    int maxCount;

    /** @return page size when {@code _count} is absent (number of reports) */
    public int defaultCount() {
        return defaultCount;
    }

    /** @return largest page size served; larger {@code _count} values are lowered to it (number of reports) */
    public int maxCount() {
        return maxCount;
    }
}
