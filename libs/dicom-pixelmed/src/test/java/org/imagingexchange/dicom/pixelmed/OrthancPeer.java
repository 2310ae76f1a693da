package org.imagingexchange.dicom.pixelmed;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An Orthanc (Debian package) started by a test as independent DIMSE archive on loopback ports of this
 * module's range, with {@code TCP_NODELAY=1}, its storage under the IT work folder, and the SCP
 * under test registered as modality {@code EXCHANGE}. Loaded over its REST API only.
 */
final class OrthancPeer implements AutoCloseable {

    static final String AET = "ORTHANC_IT";

    private final Process process;
    /** HTTP/1.1: Orthanc's web server may close a POST that carries an h2c upgrade offer. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final int dicomPort;

    private OrthancPeer(Process process, URI base, int dicomPort) {
        this.process = process;
        this.base = base;
        this.dicomPort = dicomPort;
    }

    /** Starts Orthanc and waits until its REST API answers. */
    static OrthancPeer start(int exchangePort) throws Exception {
        int dicom = Integer.getInteger("it.orthanc.dimse.port", 21242);
        int httpPort = Integer.getInteger("it.orthanc.dimse.http.port", 21243);
        Path dir = Files.createDirectories(Path.of(System.getProperty("it.work.dir", "target/it-work"),
                "orthanc-" + System.nanoTime()));
        JsonObject config = Json.createObjectBuilder()
                .add("Name", AET).add("DicomAet", AET).add("DicomPort", dicom).add("HttpPort", httpPort)
                .add("StorageDirectory", dir.resolve("storage").toString())
                .add("IndexDirectory", dir.resolve("index").toString())
                .add("DefaultEncoding", "Utf8").add("RemoteAccessAllowed", false).add("AuthenticationEnabled", false)
                .add("DicomModalities", Json.createObjectBuilder().add("EXCHANGE",
                        Json.createArrayBuilder().add("EXCHANGE").add("127.0.0.1").add(exchangePort)))
                .add("DicomAlwaysAllowEcho", true).add("DicomAlwaysAllowStore", true)
                .add("DicomAlwaysAllowFind", true).add("DicomAlwaysAllowGet", true).add("DicomAlwaysAllowMove", true)
                .add("DicomCheckCalledAet", false).add("SaveJobs", false).add("HttpDescribeErrors", true)
                .build();
        Path configFile = dir.resolve("orthanc.json");
        Files.writeString(configFile, config.toString());
        ProcessBuilder pb = new ProcessBuilder("Orthanc", configFile.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("orthanc.log").toFile());
        pb.environment().put("TCP_NODELAY", "1");
        OrthancPeer peer = new OrthancPeer(pb.start(), URI.create("http://127.0.0.1:" + httpPort), dicom);
        peer.awaitReady();
        return peer;
    }

    private void awaitReady() throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Orthanc exited during start, exit code " + process.exitValue());
            }
            try {
                if (get("/system").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            process.waitFor(200, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("Orthanc not ready in 60 s");
    }

    int dicomPort() {
        return dicomPort;
    }

    /** Uploads a Part 10 file; returns Orthanc's instance id. */
    String upload(Path file) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/instances"))
                .header("Content-Type", "application/dicom")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("upload of " + file + " refused: " + r.statusCode() + " " + r.body());
        }
        return Json.createReader(new StringReader(r.body())).readObject().getString("ID");
    }

    /** Asks Orthanc to C-STORE the given instances to modality EXCHANGE; returns the HTTP status. */
    int storeToExchange(List<String> instanceIds) throws Exception {
        String body = Json.createObjectBuilder().add("Resources", Json.createArrayBuilder(instanceIds))
                .add("Synchronous", true).build().toString();
        return http.send(HttpRequest.newBuilder(base.resolve("/modalities/EXCHANGE/store"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
