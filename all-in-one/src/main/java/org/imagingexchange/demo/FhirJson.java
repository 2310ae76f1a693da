package org.imagingexchange.demo;

import com.pixelmed.dicom.AttributeTag;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/** Reading helpers for FHIR searchset Bundles and DICOM JSON answers. */
final class FhirJson {

    private FhirJson() {
    }

    /** @return the resources of a Bundle's entries (empty when there are none) */
    static List<JsonObject> resources(JsonObject bundle) {
        List<JsonObject> resources = new ArrayList<>();
        JsonArray entries = bundle.getJsonArray("entry");
        if (entries != null) {
            entries.forEach(e -> resources.add(e.asJsonObject().getJsonObject("resource")));
        }
        return resources;
    }

    /** @return {@code fullUrl} of the Bundle entry whose resource has that id; empty when there is none */
    static String fullUrl(JsonObject bundle, String id) {
        JsonArray entries = bundle.getJsonArray("entry");
        if (entries == null) {
            return "";
        }
        return entries.stream().map(JsonValue::asJsonObject)
                .filter(e -> e.containsKey("resource") && id.equals(e.getJsonObject("resource").getString("id", "")))
                .map(e -> e.getString("fullUrl", "")).findFirst().orElse("");
    }

    /** @return every string value anywhere inside the JSON value (depth first) */
    static List<String> strings(JsonValue value) {
        List<String> out = new ArrayList<>();
        collect(value, out);
        return out;
    }

    /**
     * @param dicomJson one object of a QIDO-RS answer (PS3.18 Annex F)
     * @param tag       the attribute, e.g. {@code TagFromName.StudyInstanceUID}
     * @return the first value of the attribute, or empty
     */
    static String dicomValue(JsonObject dicomJson, AttributeTag tag) {
        JsonObject attribute = dicomJson.getJsonObject(String.format("%04X%04X", tag.getGroup(), tag.getElement()));
        if (attribute == null || !attribute.containsKey("Value")) {
            return "";
        }
        JsonValue first = attribute.getJsonArray("Value").get(0);
        return first instanceof JsonString s ? s.getString() : first.toString();
    }

    private static void collect(JsonValue value, List<String> out) {
        switch (value.getValueType()) {
            case STRING -> out.add(((JsonString) value).getString());
            case OBJECT -> value.asJsonObject().values().forEach(v -> collect(v, out));
            case ARRAY -> value.asJsonArray().forEach(v -> collect(v, out));
            default -> { }
        }
    }
}
