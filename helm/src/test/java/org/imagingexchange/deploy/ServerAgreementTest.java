package org.imagingexchange.deploy;

import static org.imagingexchange.deploy.Manifests.at;
import static org.imagingexchange.deploy.Manifests.container;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The chart and the Liberty servers agree: each component's context root, HTTP port and health
 * feature are those of its {@code server.xml}; the metrics path is where the service kit serves it;
 * every environment variable the chart sets is read by that component (a server.xml variable, a
 * MicroProfile Config key of its own or of the libraries, or an MP JWT key), except the few the
 * chart sets ahead of the services' work on them ({@link #AHEAD}).
 */
class ServerAgreementTest {

    private static final Path REPO = Path.of("..");
    private static final Map<String, String> MODULES = Map.of(
            "gateway", "gateway", "study-registry", "services/study-registry", "report-store", "services/report-store",
            "retrieval-proxy", "services/retrieval-proxy", "consent", "services/consent", "audit", "services/audit");
    private static final List<String> LIBS = List.of("libs/service-kit", "libs/audit-client", "libs/consent-client");

    /**
     * Variables set for configuration the services do not read yet: C-MOVE destinations of the DICOM node
     * ({@code EXCHANGE_DIMSE_AE_<AET>_HOST} / {@code _PORT}; the node answers C-ECHO, C-STORE and C-FIND) and the
     * retrieval cache (issue 8: {@code EXCHANGE_RETRIEVAL_CACHE_*}).
     */
    private static final Pattern AHEAD = Pattern.compile("EXCHANGE_DIMSE_AE_.*_(HOST|PORT)|EXCHANGE_RETRIEVAL_CACHE_.*");
    /** Read by the Liberty launcher (JVM_ARGS) and by MP JWT (mp.jwt.verify.audiences). */
    private static final Set<String> PLATFORM = Set.of("JVM_ARGS", "MP_JWT_VERIFY_AUDIENCES");
    private static final Pattern LITERAL = Pattern.compile("\"([a-zA-Z0-9.<>_-]+)\"");

    @Test
    void contextRootPortAndHealth_sameAsServerXml() throws Exception {
        Manifests m = Manifests.render(List.of(Manifests.PRODUCTION_VALUES), Map.of());
        assertAll(MODULES.entrySet().stream().map(e -> () -> {
            Document server = serverXml(e.getValue());
            String contextRoot = ((Element) server.getElementsByTagName("webApplication").item(0)).getAttribute("contextRoot");
            String metricsPath = at(m.get("ServiceMonitor", e.getKey()), "spec", "endpoints", 0, "path");
            assertEquals(contextRoot.equals("/") ? "/metrics" : contextRoot + "/metrics", metricsPath, e.getKey() + " metrics path");
            assertEquals("9080", variable(server, "http.port"), e.getKey() + " http.port default");
            assertEquals(9080, (Integer) at(container(m.workload(e.getKey())), "ports", 0, "containerPort"), e.getKey());
            assertTrue(features(server).stream().anyMatch(f -> f.startsWith("mpHealth-4.")),
                    () -> e.getKey() + ": the probes need MP Health 4 (/health/started, /ready, /live)");
            boolean database = variable(server, "db.kind") != null;
            assertEquals(database, at(m.get("ConfigMap", e.getKey() + "-config"), "data", "DB_KIND") != null,
                    e.getKey() + ": DB_KIND set exactly where server.xml has a data source");
        }));
    }

    @Test
    void environment_everyVariableIsReadByItsComponent() {
        Manifests m = Manifests.render(List.of(Manifests.PRODUCTION_VALUES), Map.of());
        List<String> sourceIds = List.of("hospital-a", "hospital-b");
        assertAll(MODULES.entrySet().stream().map(e -> () -> {
            Set<String> known = knownVariables(e.getValue(), sourceIds);
            Set<String> set = new TreeSet<>(((Map<String, Object>) at(m.get("ConfigMap", e.getKey() + "-config"), "data")).keySet());
            ((List<Map<String, Object>>) at(container(m.workload(e.getKey())), "env")).forEach(v -> set.add((String) v.get("name")));
            List<String> unknown = set.stream().filter(v -> !known.contains(v) && !PLATFORM.contains(v)
                    && !AHEAD.matcher(v).matches()).toList();
            assertEquals(List.of(), unknown, e.getKey() + ": variables the chart sets that the component does not read");
        }));
    }

    /** @return environment-variable forms of every configuration key the module (and libs) can read */
    private static Set<String> knownVariables(String module, List<String> sourceIds) throws IOException {
        Set<String> keys = new HashSet<>();
        Set<String> literals = new HashSet<>();
        for (String dir : Stream.concat(Stream.of(module), LIBS.stream()).toList()) {
            Path main = REPO.resolve(dir).resolve("src/main");
            try (Stream<Path> files = Files.walk(main)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String name = f.getFileName().toString();
                    if (name.endsWith(".java")) {
                        Matcher lit = LITERAL.matcher(Files.readString(f));
                        while (lit.find()) {
                            literals.add(lit.group(1));
                        }
                    } else if (name.equals("microprofile-config.properties")) {
                        Properties p = new Properties();
                        try (InputStream in = Files.newInputStream(f)) {
                            p.load(in);
                        }
                        keys.addAll(p.stringPropertyNames());
                    }
                }
            }
        }
        Document server = serverXml(module);
        NodeList vars = server.getElementsByTagName("variable");
        for (int i = 0; i < vars.getLength(); i++) {
            keys.add(((Element) vars.item(i)).getAttribute("name"));
        }
        // Keys the code builds from a prefix literal, a source id and a suffix literal.
        for (String prefix : literals.stream().filter(l -> l.startsWith("exchange.") && l.endsWith(".")).toList()) {
            for (String suffix : literals) {
                keys.add(prefix + suffix);
                for (String id : sourceIds) {
                    keys.add(prefix + id + "." + suffix);
                    keys.add(prefix + "source." + id + "." + suffix);
                }
            }
        }
        keys.addAll(literals);
        Set<String> env = new HashSet<>();
        keys.forEach(k -> env.add(k.replaceAll("[^A-Za-z0-9]", "_").toUpperCase()));
        return env;
    }

    private static Document serverXml(String module) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(REPO.resolve(module).resolve("src/main/liberty/config/server.xml").toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read server.xml of " + module, e);
        }
    }

    private static String variable(Document server, String name) {
        NodeList vars = server.getElementsByTagName("variable");
        for (int i = 0; i < vars.getLength(); i++) {
            Element v = (Element) vars.item(i);
            if (name.equals(v.getAttribute("name"))) {
                return v.getAttribute("defaultValue");
            }
        }
        return null;
    }

    private static List<String> features(Document server) {
        NodeList list = server.getElementsByTagName("feature");
        return java.util.stream.IntStream.range(0, list.getLength()).mapToObj(i -> list.item(i).getTextContent().trim()).toList();
    }
}
