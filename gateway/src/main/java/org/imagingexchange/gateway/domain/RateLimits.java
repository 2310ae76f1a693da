package org.imagingexchange.gateway.domain;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;

/**
 * Per-client request budgets (token buckets, Bucket4j): each authenticated caller, identified by its
 * OAuth client ({@code azp}) and subject ({@code sub}), may send {@code perSecond} requests per second
 * on average and {@code burst} at once (a client may have a budget of its own, e.g. a hospital's bulk
 * service account); beyond that the request is refused with 429 and a
 * {@code Retry-After} before any service is called. Buckets live in a bounded map (Caffeine) and expire
 * after {@value #IDLE_MINUTES} minutes without a request. A budget of 0 turns limiting off. Unauthenticated
 * floods are refused with 401 before any bucket exists; volumetric protection is the ingress's job.
 * Thread-safe.
 */
public final class RateLimits {

    /** Minutes after which an idle caller's bucket is dropped (it refills completely in that time anyway). */
    static final int IDLE_MINUTES = 10;

    /** Most callers tracked at once. */
    static final long MAX_CALLERS = 200_000;

    private final Budget budget;
    private final Map<String, Budget> clientBudgets;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(MAX_CALLERS)
            .expireAfterAccess(Duration.ofMinutes(IDLE_MINUTES))
            .build();

    /**
     * A budget: sustained rate and burst.
     *
     * @param perSecond sustained requests per second per caller, &gt;= 0 (0 = no limit)
     * @param burst     requests a caller may send at once, &gt;= 1 (raised to {@code perSecond} when lower)
     */
    public record Budget(long perSecond, long burst) {

        /** Compact constructor: negative rates become 0, the burst at least 1 and the rate. */
        public Budget {
            perSecond = Math.max(0, perSecond);
            burst = Math.max(Math.max(1, burst), perSecond);
        }
    }

    /**
     * @param perSecond sustained requests per second per caller, &gt;= 0 (0 = no limit)
     * @param burst     requests a caller may send at once, &gt;= 1 (raised to {@code perSecond} when lower)
     */
    public RateLimits(long perSecond, long burst) {
        this(new Budget(perSecond, burst), Map.of());
    }

    /**
     * @param budget        every caller's budget
     * @param clientBudgets budgets of the callers of particular OAuth clients ({@code azp}), replacing {@code budget}
     */
    public RateLimits(Budget budget, Map<String, Budget> clientBudgets) {
        this.budget = budget;
        this.clientBudgets = Map.copyOf(clientBudgets);
    }

    /** @return true when requests are limited at all */
    public boolean enabled() {
        return budget.perSecond() > 0 || clientBudgets.values().stream().anyMatch(b -> b.perSecond() > 0);
    }

    /**
     * Parses {@code exchange.gateway.rate-limit.clients}: comma-separated {@code client-id:per-second:burst}.
     *
     * @param value the configured text; blank for none
     * @return the budgets by client id
     * @throws IllegalArgumentException naming the entry that is not {@code id:integer:integer}
     */
    public static Map<String, Budget> parseClientBudgets(String value) {
        Map<String, Budget> out = new java.util.HashMap<>();
        if (value == null || value.isBlank()) {
            return out;
        }
        for (String entry : value.split(",")) {
            String[] parts = entry.strip().split(":");
            try {
                if (parts.length != 3 || parts[0].isBlank()) {
                    throw new NumberFormatException();
                }
                out.put(parts[0].strip(), new Budget(Long.parseLong(parts[1].strip()), Long.parseLong(parts[2].strip())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + entry.strip() + "' is not client-id:per-second:burst");
            }
        }
        return out;
    }

    /**
     * Takes one request from the caller's budget.
     *
     * @param caller the verified caller
     * @throws RateLimitExceededException (429) when the budget is used up, with the seconds until it refills
     */
    public void admit(Caller caller) {
        Budget b = clientBudgets.getOrDefault(caller.clientId(), budget);
        if (b.perSecond() == 0) {
            return;
        }
        Bucket bucket = buckets.get(key(caller), k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(b.burst()).refillGreedy(b.perSecond(), Duration.ofSeconds(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw new RateLimitExceededException(b.perSecond(), seconds);
        }
    }

    /** @return the bucket key: OAuth client and subject (a user of a shared client has a budget of their own) */
    static String key(Caller caller) {
        return caller.clientId() + "|" + caller.subject();
    }
}
