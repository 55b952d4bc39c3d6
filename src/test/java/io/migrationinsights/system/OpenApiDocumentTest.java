package io.migrationinsights.system;

import static io.migrationinsights.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.migrationinsights.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Key facts of the OpenAPI document (/q/openapi) that clients and the linters rely on. */
@QuarkusTest
@SuppressWarnings("unchecked")
class OpenApiDocumentTest {

    private static final String OPERATION_ID = "[a-z][A-Za-z]+";

    private Map<String, Object> doc;

    @BeforeEach
    void read() {
        doc = as("viewer").queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath().getMap("");
    }

    @Test
    void monthsAreStringsWithThePatternTheServiceReads() {
        Map<String, Object> month = map(doc, "components", "schemas", "Month");
        assertEquals("string", month.get("type"));
        assertEquals(Months.PATTERN, month.get("pattern"));

        Map<String, Object> from = parameter(operation("/api/organisations/{ods}/metrics/registrations", "get"), "from");
        assertEquals("#/components/schemas/Month", map(from, "schema").get("$ref"));
        assertEquals(true, from.get("required"));
        assertEquals("#/components/schemas/Month",
                map(doc, "components", "schemas", "MonthRegistrations", "properties", "month").get("$ref"));
    }

    @Test
    void theImportAnswersRejectedFilesWithProblemJson() {
        Map<String, Object> responses = map(operation("/api/organisations/{ods}/imports/{kind}", "post"), "responses");
        assertTrue(responses.keySet().containsAll(List.of("200", "201", "400", "401", "403", "404", "413", "415", "422")),
                responses.keySet().toString());
        String ref = (String) map(responses, "422").get("$ref");
        Map<String, Object> rejected = map(doc, "components", "responses", ref.substring(ref.lastIndexOf('/') + 1));
        assertEquals("#/components/schemas/Problem",
                map(rejected, "content", Problem.MEDIA_TYPE, "schema").get("$ref"));
        assertNotNull(map(doc, "components", "schemas", "Problem", "properties", "errors"));
    }

    @Test
    void operationsHaveHumanNamesTagsAndTheirErrors() {
        Set<String> ids = new HashSet<>();
        List<String> operations = new ArrayList<>();
        map(doc, "paths").forEach((path, item) -> ((Map<String, Object>) item).forEach((method, op) -> {
            Map<String, Object> operation = (Map<String, Object>) op;
            String id = (String) operation.get("operationId");
            operations.add(method + " " + path);
            assertNotNull(id, method + " " + path);
            assertTrue(id.matches(OPERATION_ID), id);
            assertTrue(ids.add(id), "operationId used twice: " + id);
            List<String> tags = (List<String>) operation.get("tags");
            assertEquals(1, tags.size(), id);
            assertFalse(tags.get(0).contains("Resource"), id);
            assertTrue(map(operation, "responses").containsKey("401"), id + " lists no 401");
        }));
        assertTrue(operations.size() >= 20, operations.toString());
        assertEquals("integer", map(doc, "components", "schemas", "ReturnView", "properties", "version").get("type"));
        assertNotNull(map(doc, "info", "contact").get("name"));
        assertNotNull(map(doc, "info", "license").get("name"));
        assertFalse(((List<?>) doc.get("servers")).isEmpty());
    }

    /** The answers the document adds to every operation are real: 406 for a format nobody serves, even on a DELETE. */
    @Test
    void everyOperationAnswersNotAcceptableWithProblemJson() {
        String ods = Api.newOrganisation();
        as("viewer").accept("application/pdf").get("/api/organisations").then().statusCode(406)
                .contentType(Problem.MEDIA_TYPE);
        as("pm").accept("application/pdf").delete("/api/organisations/" + ods + "/metrics/decommissioning/date")
                .then().statusCode(406).contentType(Problem.MEDIA_TYPE);
        as("pm").delete("/api/organisations/" + ods + "/metrics/decommissioning/date").then().statusCode(404);
    }

    private Map<String, Object> operation(String path, String method) {
        return map(doc, "paths", path, method);
    }

    private static Map<String, Object> parameter(Map<String, Object> operation, String name) {
        return ((List<Map<String, Object>>) operation.get("parameters")).stream()
                .filter(p -> name.equals(p.get("name"))).findFirst().orElseThrow();
    }

    private static Map<String, Object> map(Map<String, Object> from, String... keys) {
        Map<String, Object> m = from;
        for (String key : keys) {
            m = (Map<String, Object>) m.get(key);
            assertNotNull(m, "no " + key + " in " + String.join(".", keys));
        }
        return m;
    }
}
