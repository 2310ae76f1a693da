package org.imagingexchange.gateway.config;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * CDI extension that leaves out the service kit's service-to-service token beans: the gateway relays
 * the caller's own token and never calls a service with its own, so it holds no client secret (the kit's
 * {@code ServiceTokenProvider} would otherwise fail deployment without {@code exchange.oauth.client-secret}).
 */
public class UnusedKitBeans implements Extension {

    private static final Set<String> VETOED = Set.of(
            "org.imagingexchange.kit.security.ServiceTokenProvider",
            "org.imagingexchange.kit.security.ServiceCallHeaders");

    void veto(@Observes @WithAnnotations(ApplicationScoped.class) ProcessAnnotatedType<?> type) {
        if (VETOED.contains(type.getAnnotatedType().getJavaClass().getName())) {
            type.veto();
        }
    }
}
