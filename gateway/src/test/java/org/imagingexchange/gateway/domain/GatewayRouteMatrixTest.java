package org.imagingexchange.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The authorization matrix (authorization-matrix.csv) against the gateway's own decisions: every route the
 * table can give out has rows for every demo identity; each row's path resolves to the route it names;
 * a row of an identity without a role of the route expects 403 for every patient, and a row without a
 * token 401. Identities and their realm roles are read from the realm the demo and tests import
 * (config/keycloak/imaging-realm.json).
 */
class GatewayRouteMatrixTest {

    /** One row: request id, route, method, path, identity, expected per patient. */
    record Row(String request, String route, String method, String path, String identity, List<String> expected) {
    }

    private static final List<String> IDENTITIES = List.of("none", "radiologist-a", "clinician-b", "auditor",
            "patient-1ct1", "hospital-a", "hospital-b", "exchange-platform");

    private static List<Row> rows;
    private static Map<String, Set<String>> roles;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = GatewayRouteMatrixTest.class.getResourceAsStream("/authorization-matrix.csv")) {
            rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split(",", -1))
                    .map(f -> new Row(f[0], f[1], f[2], f[3], f[4], List.of(f[5], f[6])))
                    .toList();
        }
        JsonObject realm = Json.createReader(Files.newBufferedReader(Path.of("../config/keycloak/imaging-realm.json")))
                .readObject();
        roles = new HashMap<>();
        for (JsonValue u : realm.getJsonArray("users")) {
            JsonObject user = u.asJsonObject();
            Set<String> r = new HashSet<>();
            user.getJsonArray("realmRoles").forEach(v -> r.add(((jakarta.json.JsonString) v).getString()));
            String name = user.getString("username").replace("service-account-", "");
            roles.put(name, r);
        }
        roles.put("none", Set.of());
    }

    @Test
    void everyRoute_hasARowForEveryIdentity() {
        Map<String, Set<String>> identitiesByRoute = new HashMap<>();
        rows.forEach(r -> identitiesByRoute.computeIfAbsent(r.route(), k -> new TreeSet<>()).add(r.identity()));
        assertEquals(new TreeSet<>(RouteTable.ROUTE_NAMES), new TreeSet<>(identitiesByRoute.keySet()),
                "routes of the gateway vs routes in the matrix");
        identitiesByRoute.forEach((route, ids) -> assertEquals(new TreeSet<>(IDENTITIES), ids, "identities of " + route));
        assertTrue(roles.keySet().containsAll(IDENTITIES), "every identity is a user or client of the realm: " + roles.keySet());
    }

    @Test
    void everyRow_resolvesToItsRoute_andRoleRefusalsExpect403() {
        RouteTable table = new RouteTable();
        for (Row row : rows) {
            String path = row.path().replace("{pid}", "1CT1").replace("{uid}", "1.2.3");
            int query = path.indexOf('?');
            Route route = table.resolve(row.method(), query < 0 ? path : path.substring(0, query));
            if (row.route().equals("fhir-bundle-mado")) {
                route = table.madoManifest(route);
            }
            assertEquals(row.route(), route.name(), row.toString());
            if (row.identity().equals("none")) {
                assertEquals(List.of("401", "401"), row.expected(), "no token: " + row);
            } else if (!route.permits(roles.get(row.identity()))) {
                assertEquals(List.of("403", "403"), row.expected(), "no role of the route: " + row);
            }
        }
    }
}
