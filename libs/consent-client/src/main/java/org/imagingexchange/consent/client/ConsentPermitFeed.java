package org.imagingexchange.consent.client;

/**
 * Port: reads the consent service's permit feed, so that a service holding large result sets (the study
 * registry) can pre-filter them in its own database by who may possibly be permitted. Thread-safe.
 */
public interface ConsentPermitFeed {

    /**
     * @param after the last sequence already read (0 for the start)
     * @param limit most entries wanted, 1-1000
     * @return the next page; never null
     * @throws ConsentUnavailableException when the consent service gives no usable answer
     */
    PermitFeedPage read(long after, int limit);
}
