package org.imagingexchange.consent.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@link ConsentPermitFeed} over HTTP ({@code GET ${exchange.consent.url}/api/permits}) with this
 * service's own token. Any failure (connection, non-2xx, malformed page) becomes a
 * {@link ConsentUnavailableException}, logged with its cause. Thread-safe.
 */
@ApplicationScoped
public class RestConsentPermitFeed implements ConsentPermitFeed {

    private static final Logger LOG = Logger.getLogger(RestConsentPermitFeed.class.getName());

    @Inject
    @ConfigProperty(name = "exchange.consent.url", defaultValue = "http://127.0.0.1:9080/consent")
    String consentUrl;

    private final LazyRestClient<PermitFeedClient> client = new LazyRestClient<>(PermitFeedClient.class, () -> consentUrl, 30);

    @Override
    public PermitFeedPage read(long after, int limit) {
        PermitFeedPage page;
        try {
            page = client().read(after, limit);
        } catch (RuntimeException e) {
            LOG.warning(() -> "consent service at " + consentUrl + " did not answer the permit feed: " + e);
            throw new ConsentUnavailableException();
        }
        if (page == null || page.entries() == null || page.regionPolicy() == null) {
            LOG.warning(() -> "consent service at " + consentUrl + " answered an incomplete permit feed page");
            throw new ConsentUnavailableException();
        }
        return page;
    }

    private PermitFeedClient client() {
        return client.get();
    }
}
