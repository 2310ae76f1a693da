package org.imagingexchange.gateway.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import org.imagingexchange.gateway.domain.Backend;
import org.junit.jupiter.api.Test;

class HttpUpstreamClientTest {

    private static int statusFor(Throwable t) {
        return HttpUpstreamClient.problemFor(t, Backend.REGISTRY).status();
    }

    @Test
    void problemFor_connectionRefused_503() {
        assertEquals(503, statusFor(new CompletionException(new ConnectException("refused"))));
        assertEquals(503, statusFor(new HttpConnectTimeoutException("connect timed out")));
    }

    @Test
    void problemFor_noResponseHeadInTime_504() {
        assertEquals(504, statusFor(new CompletionException(new HttpTimeoutException("request timed out"))));
    }

    @Test
    void problemFor_brokenExchange_502() {
        assertEquals(502, statusFor(new CompletionException(new IOException("connection reset"))));
    }

    @Test
    void problemFor_bodyOverLimit_413() {
        IOException wrapped = new IOException("publisher failed", new BodyLimitInputStream.BodyLimitExceededException(10));

        assertEquals(413, statusFor(new CompletionException(wrapped)));
        assertEquals("urn:imaging-exchange:problem:payload-too-large",
                HttpUpstreamClient.problemFor(wrapped, Backend.REPORTS).type().toString());
    }
}
