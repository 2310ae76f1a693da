package org.imagingexchange.gateway.domain;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admission control of the gateway: at most {@code maxInFlight} requests are forwarded to the services at once;
 * further requests wait in arrival order (a fair semaphore) for at most {@code maxWait}, and at most
 * {@code maxQueued} may wait. Beyond that the gateway answers 503 with {@code Retry-After} ({@link
 * GatewayBusyException}) instead of letting every request slow down until the services' own calls to each other
 * (consent decisions, audit delivery) time out. Checks that cost nothing (token, rate limit, route, role, scope)
 * run before a request queues. Thread-safe.
 */
public final class Admission {

    private final int maxInFlight;
    private final int maxQueued;
    private final long maxWaitMillis;
    private final Semaphore permits;
    private final AtomicInteger queued = new AtomicInteger();

    /**
     * @param maxInFlight   requests forwarded at once; 0 = no limit
     * @param maxQueued     requests that may wait for a slot, &gt;= 0
     * @param maxWaitMillis longest wait for a slot, milliseconds, &gt;= 0
     */
    public Admission(int maxInFlight, int maxQueued, long maxWaitMillis) {
        this.maxInFlight = maxInFlight;
        this.maxQueued = maxQueued;
        this.maxWaitMillis = maxWaitMillis;
        this.permits = maxInFlight > 0 ? new Semaphore(maxInFlight, true) : null;
    }

    /** A slot held by one forwarded request; release it exactly once (try-with-resources). */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Waits for a slot.
     *
     * @return the slot, to be closed when the exchange with the service has ended
     * @throws GatewayBusyException (503) when the queue is full or the wait exceeded its bound
     */
    public Slot enter() {
        if (permits == null) {
            return () -> { };
        }
        if (!permits.tryAcquire()) {
            if (queued.incrementAndGet() > maxQueued) {
                queued.decrementAndGet();
                throw new GatewayBusyException(retryAfterSeconds());
            }
            try {
                if (!permits.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS)) {
                    throw new GatewayBusyException(retryAfterSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GatewayBusyException(retryAfterSeconds());
            } finally {
                queued.decrementAndGet();
            }
        }
        java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                permits.release();
            }
        };
    }

    /** @return requests forwarded now */
    public int inFlight() {
        return permits == null ? 0 : maxInFlight - permits.availablePermits();
    }

    /** @return requests waiting for a slot now */
    public int queued() {
        return queued.get();
    }

    private long retryAfterSeconds() {
        return Math.max(1, maxWaitMillis / 1000 / 4);
    }
}
