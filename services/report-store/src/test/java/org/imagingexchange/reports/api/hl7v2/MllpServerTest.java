package org.imagingexchange.reports.api.hl7v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.util.Terser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.imagingexchange.reports.api.FhirCodec;
import org.imagingexchange.reports.domain.MessageIntake;
import org.imagingexchange.reports.domain.ReportService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** MLLP framing and connection handling on a real loopback socket (port 18671), with the real intake on in-memory ports. */
class MllpServerTest {

    static final int PORT = 18671;

    private final Hl7v2IntakeTest.ListReports reports = new Hl7v2IntakeTest.ListReports();
    private final Hl7v2Intake intake = new Hl7v2Intake(new Hl7v2Parser(),
            new MessageIntake(new ReportService(reports, null, Clock.systemUTC()), new Hl7v2IntakeTest.MapLog(), Clock.systemUTC()),
            new FhirCodec(), Set.of("P"), ZoneOffset.UTC);
    private ExecutorService executor;
    private MllpServer server;

    @BeforeEach
    void start() throws IOException {
        executor = Executors.newCachedThreadPool();
        server = new MllpServer(new MllpServer.Settings("127.0.0.1", PORT, 2, 5_000, 64 * 1024), executor,
                er7 -> intake.receive(er7, f -> java.util.Optional.of(Hl7v2IntakeTest.RIS_A)).ack());
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        executor.shutdownNow();
    }

    /** @return the frame's content up to the end block, read from a raw socket */
    static String readFrame(InputStream in) throws IOException {
        assertEquals(0x0b, in.read(), "start block VT");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != 0x1c) {
            if (b < 0) {
                throw new IOException("connection closed inside a frame");
            }
            out.write(b);
        }
        assertEquals(0x0d, in.read(), "end block FS CR");
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    static void writeFrame(OutputStream out, String er7) throws IOException {
        out.write(0x0b);
        out.write(er7.getBytes(StandardCharsets.ISO_8859_1));
        out.write(new byte[] {0x1c, 0x0d});
        out.flush();
    }

    @Test
    void hapiClient_sendAndReceive_getsTheAcknowledgementOfItsMessage() throws Exception {
        try (HapiContext context = new DefaultHapiContext()) {
            context.setModelClassFactory(new CanonicalModelClassFactory("2.5.1"));
            Message message = context.getPipeParser().parse(OruMessages.ctReport("MLLP-1").er7());
            Connection connection = context.newClient("127.0.0.1", PORT, false);
            Message ack = connection.getInitiator().sendAndReceive(message);
            connection.close();
            Terser terser = new Terser(ack);
            assertEquals("AA", terser.get("/MSA-1"), ack.encode());
            assertEquals("MLLP-1", terser.get("/MSA-2"));
            assertEquals(1, reports.rows.size());
        }
    }

    @Test
    void rawSocket_twoMessagesOnOneConnection_eachAnsweredInOrder() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", PORT)) {
            writeFrame(socket.getOutputStream(), OruMessages.ctReport("RAW-1").er7());
            String first = readFrame(socket.getInputStream());
            writeFrame(socket.getOutputStream(), OruMessages.ctReport("RAW-2").with("PID-3", "").er7());
            String second = readFrame(socket.getInputStream());
            assertTrue(first.contains("\rMSA|AA|RAW-1"), first);
            assertTrue(second.contains("\rMSA|AE|RAW-2"), second);
        }
    }

    @Test
    void rawSocket_latin1PatientName_isReadAsDeclaredByMsh18() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", PORT)) {
            writeFrame(socket.getOutputStream(), OruMessages.ctReport("L1").with("MSH-18", "8859/1")
                    .with("PID-5", "Müller^Zoë").er7());
            assertTrue(readFrame(socket.getInputStream()).contains("MSA|AA|L1"));
        }
        assertTrue(reports.rows.get(0).resourceJson().contains("Müller"), reports.rows.get(0).resourceJson());
    }

    @Test
    void rawSocket_frameOverTheLimit_closesTheConnection() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", PORT)) {
            OutputStream out = socket.getOutputStream();
            out.write(0x0b);
            byte[] chunk = new byte[8192];
            java.util.Arrays.fill(chunk, (byte) 'A');
            assertThrows(IOException.class, () -> {
                for (int i = 0; i < 64; i++) {
                    out.write(chunk);
                }
                out.flush();
                if (socket.getInputStream().read() < 0) {
                    throw new IOException("closed by the server");
                }
            });
        }
        assertEquals(0, reports.rows.size());
    }

    @Test
    void connectionsBeyondTheLimit_areClosedAtOnce() throws IOException {
        try (Socket a = new Socket("127.0.0.1", PORT); Socket b = new Socket("127.0.0.1", PORT);
             Socket c = new Socket("127.0.0.1", PORT)) {
            writeFrame(a.getOutputStream(), OruMessages.ctReport("LIM-A").er7());
            assertTrue(readFrame(a.getInputStream()).contains("MSA|AA"));
            c.setSoTimeout(5_000);
            assertEquals(-1, c.getInputStream().read(), "third connection closed (limit 2)");
            writeFrame(b.getOutputStream(), OruMessages.ctReport("LIM-B").er7());
            assertTrue(readFrame(b.getInputStream()).contains("MSA|AA"));
        }
    }
}
