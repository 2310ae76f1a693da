package org.imagingexchange.deploy;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import io.kubernetes.client.openapi.JSON;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates a Kubernetes object against the API schema of Kubernetes 1.35, as generated from its
 * OpenAPI specification into the official Java client's model ({@code io.kubernetes:client-java-api}
 * 27): the generated {@code validateJsonElement} rejects fields the API does not define (as
 * {@code kubectl --validate=strict} does), missing required fields and wrong structure; binding the
 * object to the typed model then rejects wrong scalar types and malformed quantities.
 */
final class KubernetesSchema {

    /** Custom resources the chart renders that the core API does not define (checked elsewhere). */
    static final Set<String> CUSTOM_RESOURCES = Set.of(
            "monitoring.coreos.com/v1/ServiceMonitor", "monitoring.coreos.com/v1/PrometheusRule");

    private static final String MODELS = "io.kubernetes.client.openapi.models.";
    private static final JSON CLIENT_JSON = new JSON();

    private KubernetesSchema() {
    }

    /**
     * Checks one object.
     *
     * @param object the object as JSON, with {@code apiVersion} and {@code kind}
     * @return empty when valid, else what is wrong, naming the object
     */
    static Optional<String> violation(JsonElement object) {
        String apiVersion = object.getAsJsonObject().get("apiVersion").getAsString();
        String kind = object.getAsJsonObject().get("kind").getAsString();
        String name = object.getAsJsonObject().getAsJsonObject("metadata").get("name").getAsString();
        String what = apiVersion + " " + kind + " " + name + ": ";
        Class<?> model;
        try {
            model = Class.forName(MODELS + modelName(apiVersion, kind));
        } catch (ClassNotFoundException e) {
            return Optional.of(what + "not a kind of the Kubernetes 1.35 API");
        }
        try {
            Method validate = model.getMethod("validateJsonElement", JsonElement.class);
            validate.invoke(null, object);
            CLIENT_JSON.getGson().fromJson(object, model);
            return Optional.empty();
        } catch (InvocationTargetException e) {
            return Optional.of(what + e.getCause().getMessage());
        } catch (JsonParseException | IllegalArgumentException e) {
            return Optional.of(what + e.getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("unexpected model class " + model, e);
        }
    }

    /** @return e.g. {@code V1Deployment} for apps/v1 Deployment, {@code V2HorizontalPodAutoscaler} */
    private static String modelName(String apiVersion, String kind) {
        String version = apiVersion.substring(apiVersion.lastIndexOf('/') + 1);
        return "V" + version.substring(1) + kind;
    }

    /** @return true when the object is one of {@link #CUSTOM_RESOURCES} */
    static boolean isCustomResource(Map<String, Object> object) {
        return CUSTOM_RESOURCES.contains(object.get("apiVersion") + "/" + object.get("kind"));
    }

}
