package org.imagingexchange.gateway.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.imagingexchange.gateway.domain.Backend;
import org.junit.jupiter.api.Test;

class HttpUpstreamClientTest {

    private static int statusFor(Throwable t) {
        return HttpUpstreamClient.problemFor(t, Backend.REGISTRY).status();
    }

    @Test
    void problemFor_connectionRefused_503() {
        assertEquals(503, statusFor(new ConnectException("refused")));
        assertEquals(503, statusFor(new HttpHostConnectException("Connect to 127.0.0.1:1 failed: refused")));
        assertEquals(503, statusFor(new ConnectTimeoutException("connect timed out")));
    }

    @Test
    void problemFor_noResponseHeadInTime_504() {
        assertEquals(504, statusFor(new SocketTimeoutException("Read timed out")));
    }

    @Test
    void problemFor_brokenExchange_502() {
        assertEquals(502, statusFor(new IOException("connection reset")));
    }

    @Test
    void problemFor_bodyOverLimit_413() {
        IOException wrapped = new IOException("publisher failed", new BodyLimitInputStream.BodyLimitExceededException(10));

        assertEquals(413, statusFor(wrapped));
        assertEquals("urn:imaging-exchange:problem:payload-too-large",
                HttpUpstreamClient.problemFor(wrapped, Backend.REPORTS).type().toString());
    }
}
