package org.imagingexchange.retrieval.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.imagingexchange.audit.client.AuditOutcome;
import org.imagingexchange.audit.client.AuditRecord;
import org.imagingexchange.audit.client.BalpPattern;
import org.imagingexchange.audit.client.TransferAudit;
import org.imagingexchange.retrieval.domain.RetrievedBody;
import org.junit.jupiter.api.Test;

class UpstreamStreamingOutputTest {

    /** A source body that remembers whether it was closed. */
    private static final class TrackedStream extends ByteArrayInputStream {
        final AtomicBoolean closed = new AtomicBoolean();

        TrackedStream(byte[] data) {
            super(data);
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @Test
    void write_wholeBody_copiedByteForByteAndSourceClosed() throws IOException {
        byte[] data = new byte[300_000];
        new Random(7).nextBytes(data);
        TrackedStream source = new TrackedStream(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] contentType = new String[1];
        new UpstreamStreamingOutput(new RetrievedBody("s", "multipart/related; type=\"application/dicom\"; boundary=b1",
                data.length, source), 65536, ct -> contentType[0] = ct).write(out);
        assertArrayEquals(data, out.toByteArray());
        assertEquals("multipart/related; type=\"application/dicom\"; boundary=b1", contentType[0], "source header verbatim");
        assertTrue(source.closed.get(), "source body closed after streaming");
    }

    @Test
    void write_clientAborts_sourceClosedAndChunkBounded() {
        TrackedStream source = new TrackedStream(new byte[1_000_000]);
        OutputStream client = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("broken pipe");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                assertTrue(len <= 65536, "never more than one chunk at a time: " + len);
                throw new IOException("broken pipe");
            }
        };
        assertThrows(IOException.class,
                () -> new UpstreamStreamingOutput(new RetrievedBody("s", "application/dicom", -1, source), 65536, ct -> { })
                        .write(client));
        assertTrue(source.closed.get(), "source body closed when the client went away");
    }

    private final List<AuditRecord> audited = new ArrayList<>();

    private UpstreamStreamingOutput audited(InputStream source) {
        UpstreamStreamingOutput output = new UpstreamStreamingOutput(
                new RetrievedBody("hospital-a", "application/dicom", -1, source), 65536, ct -> { });
        output.auditWith(new TransferAudit(new AuditRecord("e-1", Instant.parse("2025-03-01T10:00:00Z"),
                BalpPattern.PATIENT_READ, AuditOutcome.SUCCESS, "", "retrieval-proxy", "cid",
                new AuditRecord.Agent("", "clinician-b", "", "", "", "TREAT"), List.of(), List.of()),
                audited::add, Clock.systemUTC()));
        return output;
    }

    @Test
    void write_wholeBody_oneSuccessRecordWithTheBytesSent() throws IOException {
        UpstreamStreamingOutput output = audited(new ByteArrayInputStream(new byte[200_000]));

        output.write(new ByteArrayOutputStream());

        assertEquals(1, audited.size(), "one record when the transfer ends");
        assertEquals(AuditOutcome.SUCCESS, audited.get(0).outcome());
        assertEquals("source hospital-a: 200000 bytes sent", audited.get(0).outcomeDetail());
    }

    @Test
    void write_sourceBreaksOff_seriousFailureRecordedAndErrorPassedOn() {
        InputStream breaking = new InputStream() {
            private int left = 100_000;

            @Override
            public int read() throws IOException {
                throw new IOException("premature end of chunk coded message body");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left == 0) {
                    throw new IOException("premature end of chunk coded message body");
                }
                int n = Math.min(len, left);
                left -= n;
                return n;
            }
        };
        UpstreamStreamingOutput output = audited(breaking);

        assertThrows(IOException.class, () -> output.write(new ByteArrayOutputStream()),
                "a broken source body is never passed off as a complete one");
        assertEquals(1, audited.size());
        assertEquals(AuditOutcome.SERIOUS_FAILURE, audited.get(0).outcome(), "the source failing is a serious failure");
        assertTrue(audited.get(0).outcomeDetail().startsWith("source hospital-a broke off after 100000 bytes sent"),
                audited.get(0).outcomeDetail());
    }

    @Test
    void write_clientDisconnects_minorFailureRecorded() {
        OutputStream client = new OutputStream() {
            private int accepted;

            @Override
            public void write(int b) throws IOException {
                throw new IOException("broken pipe");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (len > 0 && accepted++ == 2) {
                    throw new IOException("broken pipe");
                }
            }
        };
        UpstreamStreamingOutput output = audited(new ByteArrayInputStream(new byte[1_000_000]));

        assertThrows(IOException.class, () -> output.write(client));
        assertEquals(1, audited.size());
        assertEquals(AuditOutcome.MINOR_FAILURE, audited.get(0).outcome());
        assertTrue(audited.get(0).outcomeDetail().startsWith("client disconnected after 131072 bytes"),
                "two chunks went out before the client went away: " + audited.get(0).outcomeDetail());
    }
}
