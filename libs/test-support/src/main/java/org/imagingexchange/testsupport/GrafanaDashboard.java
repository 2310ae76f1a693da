package org.imagingexchange.testsupport;

import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reading a Grafana dashboard model (the JSON Grafana exports and its sidecar loads): its panels and the
 * Prometheus queries they and the dashboard's variables run.
 */
public final class GrafanaDashboard {

    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*\\w+\\)");

    private GrafanaDashboard() {
    }

    /**
     * @param dashboard the dashboard model
     * @return every panel, rows and the panels inside collapsed rows included, in the model's order
     */
    public static List<JsonObject> panels(JsonObject dashboard) {
        return dashboard.getJsonArray("panels").getValuesAs(JsonObject.class).stream()
                .flatMap(p -> Stream.concat(Stream.of(p), p.containsKey("panels")
                        ? p.getJsonArray("panels").getValuesAs(JsonObject.class).stream() : Stream.empty()))
                .toList();
    }

    /**
     * @param dashboard the dashboard model
     * @return every PromQL query, by a recording-rule-like name ({@code dashboard:panel_<id>_<refId>} for panel
     *         targets, {@code dashboard:variable_<name>} for the selector of a {@code label_values} variable)
     * @throws IllegalArgumentException for a query variable that is not {@code label_values(selector, label)}
     */
    public static Map<String, String> queries(JsonObject dashboard) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonObject p : panels(dashboard)) {
            if (p.containsKey("targets")) {
                for (JsonObject t : p.getJsonArray("targets").getValuesAs(JsonObject.class)) {
                    out.put("dashboard:panel_" + p.getInt("id") + "_" + t.getString("refId"), t.getString("expr"));
                }
            }
        }
        for (JsonObject v : dashboard.getJsonObject("templating").getJsonArray("list").getValuesAs(JsonObject.class)) {
            if (v.getString("type").equals("query")) {
                Matcher m = LABEL_VALUES.matcher(v.getJsonObject("query").getString("query"));
                if (!m.matches()) {
                    throw new IllegalArgumentException("variable " + v.getString("name")
                            + ": expected label_values(selector, label), got " + v.get("query"));
                }
                out.put("dashboard:variable_" + v.getString("name"), m.group(1));
            }
        }
        return out;
    }
}
