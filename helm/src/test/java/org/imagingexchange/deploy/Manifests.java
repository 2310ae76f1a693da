package org.imagingexchange.deploy;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The chart rendered by helm-java (Helm in process, no cluster) and parsed into objects.
 *
 * @param objects every rendered Kubernetes object, in render order (maps from SnakeYAML)
 */
record Manifests(List<Map<String, Object>> objects) {

    static final Path CHART = Path.of("imaging-exchange");
    static final Path PRODUCTION_VALUES = CHART.resolve("values-production.yaml");
    static final String RELEASE = "imaging-exchange";
    static final String NAMESPACE = "imaging-exchange";

    /** @return the chart rendered with its defaults plus the given values files and --set pairs */
    static Manifests render(List<Path> valuesFiles, Map<String, String> set) {
        return parse(renderText(valuesFiles, set));
    }

    static String renderText(List<Path> valuesFiles, Map<String, String> set) {
        TemplateCommand command = new Helm(CHART).template().withName(RELEASE).withNamespace(NAMESPACE);
        for (Path file : valuesFiles) {
            command = command.withValuesFile(file);
        }
        for (Map.Entry<String, String> e : set.entrySet()) {
            command = command.set(e.getKey(), e.getValue());
        }
        return command.call();
    }

    /** @return the objects of a multi-document YAML stream (empty documents skipped) */
    @SuppressWarnings("unchecked")
    static Manifests parse(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object doc : new Yaml(options).loadAll(yaml)) {
            if (doc != null) {
                objects.add((Map<String, Object>) doc);
            }
        }
        return new Manifests(objects);
    }

    List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    Optional<Map<String, Object>> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(name(o))).findFirst();
    }

    Map<String, Object> get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("expected a " + kind + " named " + name));
    }

    /** @return the Deployment or StatefulSet of a component */
    Map<String, Object> workload(String name) {
        return find("Deployment", name).or(() -> find("StatefulSet", name))
                .orElseThrow(() -> new AssertionError("expected a Deployment or StatefulSet named " + name));
    }

    static String name(Map<String, Object> object) {
        return (String) map(object, "metadata").get("name");
    }

    static JsonElement toJson(Map<String, Object> object) {
        Gson gson = new Gson();
        return gson.toJsonTree(object);
    }

    /** Navigates nested maps and lists: keys for maps, integers for list items; null when absent. */
    @SuppressWarnings("unchecked")
    static <T> T at(Object root, Object... path) {
        Object current = root;
        for (Object step : path) {
            if (current == null) {
                return null;
            }
            current = step instanceof Integer i ? ((List<Object>) current).get(i) : ((Map<String, Object>) current).get(step);
        }
        return (T) current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> object, String key) {
        return (Map<String, Object>) object.get(key);
    }

    /** @return the single container of a workload's pod template */
    static Map<String, Object> container(Map<String, Object> workload) {
        return at(workload, "spec", "template", "spec", "containers", 0);
    }
}
