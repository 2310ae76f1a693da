package org.imagingexchange.deploy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Containerfile (there is no container engine here to run it) has one target per component
 * on the official Open Liberty image of the version the build uses, copies each component's own
 * server.xml and WAR under the names server.xml deploys, installs the features at build time, ends
 * as a non-root user and keeps the Maven build out of the component images; docs/images.md builds and pushes
 * every target.
 */
class ContainerfileTest {

    private static final Path REPO = Path.of("..");
    private static final Map<String, String> MODULES = Map.of(
            "gateway", "gateway", "study-registry", "services/study-registry", "report-store", "services/report-store",
            "retrieval-proxy", "services/retrieval-proxy", "consent", "services/consent", "audit", "services/audit");

    @Test
    void versions_sameAsParentPom() throws IOException {
        String file = Files.readString(REPO.resolve("Containerfile"));
        String pom = Files.readString(REPO.resolve("pom.xml"));
        assertTrue(file.contains("ARG LIBERTY_IMAGE=icr.io/appcafe/open-liberty:" + property(pom, "openliberty.version") + "-kernel-slim-java17"),
                "Open Liberty image of the build's Liberty version (kernel-slim, Java 17)");
        assertTrue(file.contains("ARG POSTGRESQL_VERSION=" + property(pom, "postgresql.version")), "PostgreSQL driver version");
    }

    @Test
    void targets_oneHardenedImagePerComponent() throws IOException {
        Map<String, String> stages = stages(Files.readString(REPO.resolve("Containerfile")));
        assertAll(MODULES.entrySet().stream().map(e -> () -> {
            String stage = stages.get(e.getKey());
            assertTrue(stage != null && stage.startsWith("FROM liberty AS " + e.getKey()), () -> "expected target " + e.getKey());
            String module = e.getValue();
            assertTrue(stage.contains("COPY --chown=1001:0 " + module + "/src/main/liberty/config/server.xml /config/server.xml"),
                    () -> e.getKey() + ": its own server.xml");
            assertTrue(Files.exists(REPO.resolve(module).resolve("src/main/liberty/config/server.xml")), module);
            String war = e.getKey() + ".war";
            assertTrue(Files.readString(REPO.resolve(module).resolve("src/main/liberty/config/server.xml")).contains("location=\"" + war + "\""),
                    () -> e.getKey() + ": server.xml deploys " + war);
            assertTrue(Files.readString(REPO.resolve(module).resolve("pom.xml")).contains("<finalName>" + e.getKey() + "</finalName>"),
                    () -> e.getKey() + ": the build produces " + war);
            assertTrue(stage.contains("/src/" + module + "/target/" + war + " /config/apps/" + war), () -> e.getKey() + ": WAR copied");
            assertTrue(stage.indexOf("RUN features.sh") < stage.indexOf("/config/apps/"), () -> e.getKey() + ": features installed first");
            assertTrue(stage.contains("RUN configure.sh"), () -> e.getKey() + ": configure.sh");
            assertTrue(stage.strip().endsWith("USER 1001"), () -> e.getKey() + ": ends as the non-root user");
            assertFalse(stage.contains("mvn") || stage.contains("MAVEN"), () -> e.getKey() + ": no build tools");
            boolean database = Files.readString(REPO.resolve(module).resolve("src/main/liberty/config/server.xml")).contains("<dataSource");
            assertEquals(database, stage.contains("/jdbc/ /config/lib/jdbc/"), () -> e.getKey() + ": JDBC driver exactly where a data source is");
        }));
        assertTrue(stages.get("liberty").startsWith("FROM ${LIBERTY_IMAGE} AS liberty"), "component images on the official image");
    }

    @Test
    void documentation_buildsAndPushesEveryTarget() throws IOException {
        String file = Files.readString(REPO.resolve("Containerfile"));
        assertTrue(file.contains("docs/images.md"), "the Containerfile points to the build-and-push documentation");
        String doc = Files.readString(REPO.resolve("docs/images.md"));
        assertAll(MODULES.keySet().stream().map(target -> () -> assertTrue(doc.contains("`" + target + "`"),
                () -> "docs/images.md names target " + target)));
        assertTrue(doc.contains("--target \"$c\"") && doc.contains(" push "), "docs/images.md builds and pushes each target");
    }

    /** @return the text of each named stage, by name */
    private static Map<String, String> stages(String file) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^FROM \\S+ AS (\\S+)$").matcher(file);
        List<int[]> starts = new java.util.ArrayList<>();
        List<String> names = new java.util.ArrayList<>();
        while (m.find()) {
            starts.add(new int[] {m.start()});
            names.add(m.group(1));
        }
        for (int i = 0; i < names.size(); i++) {
            int end = i + 1 < names.size() ? starts.get(i + 1)[0] : file.length();
            String text = file.substring(starts.get(i)[0], end);
            out.put(names.get(i), text.replaceAll("(?m)^#.*\\n", ""));
        }
        return out;
    }

    private static String property(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertTrue(m.find(), () -> "parent pom property " + name);
        return m.group(1);
    }
}
