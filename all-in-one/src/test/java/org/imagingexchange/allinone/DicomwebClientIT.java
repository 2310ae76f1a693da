package org.imagingexchange.allinone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.imagingexchange.testsupport.Http;
import org.imagingexchange.testsupport.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real viewer-side client, npm {@code dicomweb-client} under Node.js, searches the platform through the
 * gateway (QIDO-RS studies, then the first study's series) with a Keycloak token and finds what the
 * hospital archive holds. The client and its XMLHttpRequest are installed by the project's set-up into
 * {@code it.node.modules}.
 */
class DicomwebClientIT {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    @BeforeAll
    static void awaitReadyAndCrawl() throws InterruptedException {
        PlatformReady.await(START_TIMEOUT);
        HttpResponse<String> crawl = Http.post("/registry/api/crawls", Tokens.of("exchange-platform"), "application/json",
                "{\"source\":\"hospital-a\"}");
        assertEquals(200, crawl.statusCode(), "crawl of the demo PACS: " + crawl.body());
    }

    @Test
    void dicomwebClient_searchesThroughGateway_findsTheArchivesStudyAndSeries() throws Exception {
        Path script = Path.of("src/test/node/qido-search.cjs").toAbsolutePath();
        Path modules = Path.of(System.getProperty("it.node.modules"));
        assertTrue(Files.isDirectory(modules.resolve("dicomweb-client")),
                "dicomweb-client installed by the set-up (scripts/lib/install.sh ensure_node_clients) in " + modules);
        ProcessBuilder pb = new ProcessBuilder("node", script.toString(), Http.base() + "/dicomweb",
                Tokens.of("radiologist-a"), "1CT1");
        pb.environment().put("NODE_PATH", modules.toString());
        pb.redirectErrorStream(false);
        Process node = pb.start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(60, TimeUnit.SECONDS), "node finished");
        assertEquals(0, node.exitValue(), "dicomweb-client exit code; stderr: " + err);

        JsonObject result = Json.createReader(new StringReader(out)).readObject();
        JsonArray studies = result.getJsonArray("studies");
        assertEquals(1, studies.size(), "one study of patient 1CT1: " + out);
        String uid = studies.getJsonObject(0).getJsonObject("0020000D").getJsonArray("Value").getString(0);
        assertEquals(TestStudies.orthancStudyUid("1CT1"), uid, "the Study Instance UID the archive holds");
        JsonArray series = result.getJsonArray("series");
        assertFalse(series.isEmpty(), "the study's series: " + out);
        assertEquals(uid, series.getJsonObject(0).getJsonObject("0020000D").getJsonArray("Value").getString(0));
    }
}
