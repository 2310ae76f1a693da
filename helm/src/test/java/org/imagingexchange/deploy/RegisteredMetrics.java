package org.imagingexchange.deploy;

import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The metrics the components expose on their {@code /metrics}: the names given to Prometheus metric
 * builders in the gateway's, services' and libraries' main code; the JVM and process metrics the service
 * kit's {@code MetricsServlet} registers with {@link JvmMetrics} (names taken from that library itself);
 * and {@code up}, which Prometheus adds to every scrape. Alert rules and dashboard queries may use these
 * only.
 */
final class RegisteredMetrics {

    private static final Path REPO = Path.of("..");
    private static final Path METRICS_SERVLET =
            REPO.resolve("libs/service-kit/src/main/java/org/imagingexchange/kit/metrics/MetricsServlet.java");
    private static final Pattern REGISTERED = Pattern.compile("\\.name\\(\"([a-z_][a-z0-9_]*)\"\\)");
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");

    private RegisteredMetrics() {
    }

    /** @return base names (see {@link #base(String)}) of every metric a component exposes */
    static Set<String> names() throws IOException {
        Set<String> names = new TreeSet<>(PROMETHEUS_OWN);
        for (String dir : List.of("gateway", "services", "libs")) {
            try (Stream<Path> files = Files.walk(REPO.resolve(dir))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("src/main")).toList()) {
                    Matcher m = REGISTERED.matcher(Files.readString(f));
                    while (m.find()) {
                        names.add(base(m.group(1)));
                    }
                }
            }
        }
        if (Files.readString(METRICS_SERVLET).contains("JvmMetrics.builder().register()")) {
            PrometheusRegistry jvm = new PrometheusRegistry();
            JvmMetrics.builder().register(jvm);
            jvm.scrape().forEach(s -> names.add(base(s.getMetadata().getPrometheusName())));
        }
        return names;
    }

    /**
     * @param used metric names as a query writes them
     * @return those no component registers, sorted
     */
    static List<String> unknown(Collection<String> used) throws IOException {
        Set<String> registered = names();
        return used.stream().filter(u -> !registered.contains(base(u))).sorted().distinct().toList();
    }

    /** Exposition suffixes of counters, histograms and info metrics removed: the name given to the builder. */
    static String base(String metric) {
        return metric.replaceAll("_(bucket|count|sum|total|created|info)$", "");
    }
}
