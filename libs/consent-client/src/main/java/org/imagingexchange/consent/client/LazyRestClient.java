package org.imagingexchange.consent.client;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * An MP REST client of the consent service, built on first use (the configured URL is known only once CDI
 * has injected it). Connect timeout 5 s. Thread-safe.
 *
 * @param <T> the client interface
 */
final class LazyRestClient<T> {

    private final Class<T> type;
    private final Supplier<String> baseUrl;
    private final int readTimeoutSeconds;
    private volatile T client;

    /**
     * @param type               the MP REST client interface
     * @param baseUrl            supplies {@code exchange.consent.url}
     * @param readTimeoutSeconds longest wait for an answer, seconds
     */
    LazyRestClient(Class<T> type, Supplier<String> baseUrl, int readTimeoutSeconds) {
        this.type = type;
        this.baseUrl = baseUrl;
        this.readTimeoutSeconds = readTimeoutSeconds;
    }

    /** @return the client, built once */
    T get() {
        T c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = RestClientBuilder.newBuilder()
                            .baseUri(URI.create(baseUrl.get()))
                            .connectTimeout(5, TimeUnit.SECONDS)
                            .readTimeout(readTimeoutSeconds, TimeUnit.SECONDS)
                            .build(type);
                }
                c = client;
            }
        }
        return c;
    }
}
