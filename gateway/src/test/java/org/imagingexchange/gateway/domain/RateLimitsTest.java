package org.imagingexchange.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Token-bucket budgets per caller: burst admitted, then 429 with Retry-After; callers do not share budgets. */
class RateLimitsTest {

    private static final Caller RADIOLOGIST = new Caller("sub-1", "radiologist-a", "exchange-viewer", Set.of());
    private static final Caller CLINICIAN = new Caller("sub-2", "clinician-b", "exchange-viewer", Set.of());

    @Test
    void admit_burstThenRefusedWithRetryAfter() {
        RateLimits limits = new RateLimits(1, 3);
        for (int i = 0; i < 3; i++) {
            assertDoesNotThrow(() -> limits.admit(RADIOLOGIST));
        }
        RateLimitExceededException e = assertThrows(RateLimitExceededException.class, () -> limits.admit(RADIOLOGIST));
        assertEquals(429, e.status());
        assertTrue(e.retryAfterSeconds() >= 1 && e.retryAfterSeconds() <= 1, "one token per second: retry in 1 s");
        assertTrue(e.detail().contains("1 requests per second"), e.detail());
    }

    @Test
    void admit_usersOfOneClientHaveBudgetsOfTheirOwn() {
        RateLimits limits = new RateLimits(1, 1);
        limits.admit(RADIOLOGIST);
        assertThrows(RateLimitExceededException.class, () -> limits.admit(RADIOLOGIST));
        assertDoesNotThrow(() -> limits.admit(CLINICIAN), "another user of the same client is not slowed");
    }

    @Test
    void zeroPerSecond_limitsNothing() {
        RateLimits off = new RateLimits(0, 1);
        assertFalse(off.enabled());
        for (int i = 0; i < 10_000; i++) {
            off.admit(RADIOLOGIST);
        }
    }

    @Test
    void burstBelowRate_raisedToTheRate() {
        RateLimits limits = new RateLimits(5, 1);
        for (int i = 0; i < 5; i++) {
            limits.admit(RADIOLOGIST);
        }
        assertThrows(RateLimitExceededException.class, () -> limits.admit(RADIOLOGIST));
    }

    @Test
    void clientBudget_replacesTheDefaultForThatClientOnly() {
        RateLimits limits = new RateLimits(new RateLimits.Budget(1000, 1000),
                RateLimits.parseClientBudgets("exchange-viewer:1:2, hospital-a:0:1"));
        limits.admit(RADIOLOGIST);
        limits.admit(RADIOLOGIST);
        assertThrows(RateLimitExceededException.class, () -> limits.admit(RADIOLOGIST));
        Caller hospital = new Caller("sub-3", "service-account-hospital-a", "hospital-a", Set.of());
        for (int i = 0; i < 5000; i++) {
            limits.admit(hospital);
        }
    }

    @Test
    void parseClientBudgets_malformedEntryNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RateLimits.parseClientBudgets("hospital-a:10"));
        assertTrue(e.getMessage().contains("hospital-a:10"), e.getMessage());
        assertTrue(RateLimits.parseClientBudgets(" ").isEmpty());
    }
}
