package org.imagingexchange.gateway.domain;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * Tells which service a {@code POST /fhir/Bundle} is for. Both an imaging report (HL7 Europe Imaging Report
 * document) and an IHE MADO manifest (FHIR option) are document Bundles with a Composition of LOINC 18748-4,
 * so the type code cannot tell them apart; their content can. A Bundle is a MADO manifest when its
 * {@code meta.profile} names a MADO manifest profile, or when it holds at least one {@code ImagingStudy} and no
 * {@code DiagnosticReport} (a report always has its DiagnosticReport). Everything else, including bodies that
 * are not JSON, is for the report store, which answers its own errors. Pure and thread-safe.
 */
public final class ManifestBundles {

    /** Ends of the canonical URLs of the MADO manifest Bundle profiles (IHE RAD MADO, HL7 Europe). */
    static final List<String> MADO_PROFILES = List.of("/MadoFhirBundle", "/EuMadoBundle", "/ImImagingStudyManifest");

    private ManifestBundles() {
    }

    /**
     * @param body the request body, FHIR JSON expected
     * @return true when the body is a MADO manifest Bundle as described above
     */
    public static boolean isMadoManifest(byte[] body) {
        JsonObject bundle;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                return false;
            }
            bundle = value.asJsonObject();
        } catch (JsonException | IllegalStateException e) {
            return false;
        }
        if (!"Bundle".equals(string(bundle, "resourceType"))) {
            return false;
        }
        if (declaresMadoProfile(bundle)) {
            return true;
        }
        boolean study = false;
        JsonValue entries = bundle.get("entry");
        if (entries == null || entries.getValueType() != JsonValue.ValueType.ARRAY) {
            return false;
        }
        for (JsonValue entry : entries.asJsonArray()) {
            if (entry.getValueType() != JsonValue.ValueType.OBJECT) {
                continue;
            }
            JsonValue resource = entry.asJsonObject().get("resource");
            if (resource == null || resource.getValueType() != JsonValue.ValueType.OBJECT) {
                continue;
            }
            String type = string(resource.asJsonObject(), "resourceType");
            if ("DiagnosticReport".equals(type)) {
                return false;
            }
            study |= "ImagingStudy".equals(type);
        }
        return study;
    }

    private static boolean declaresMadoProfile(JsonObject bundle) {
        JsonValue meta = bundle.get("meta");
        if (meta == null || meta.getValueType() != JsonValue.ValueType.OBJECT) {
            return false;
        }
        JsonValue profiles = meta.asJsonObject().get("profile");
        if (profiles == null || profiles.getValueType() != JsonValue.ValueType.ARRAY) {
            return false;
        }
        for (JsonValue p : (JsonArray) profiles) {
            if (p instanceof JsonString s) {
                String url = s.getString().split("\\|", 2)[0];
                if (MADO_PROFILES.stream().anyMatch(url::endsWith)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String string(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return v instanceof JsonString s ? s.getString() : null;
    }
}
