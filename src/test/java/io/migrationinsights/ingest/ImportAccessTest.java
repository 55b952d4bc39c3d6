package io.migrationinsights.ingest;

import static io.migrationinsights.support.Api.as;
import static io.migrationinsights.support.Uploads.fixture;
import static io.migrationinsights.support.Uploads.path;
import static io.migrationinsights.support.Uploads.upload;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import io.migrationinsights.support.Api;
import io.migrationinsights.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who may import what (CONTRACT section 7), and the import ledger. */
@QuarkusTest
class ImportAccessTest {

    @Inject
    Clock clock;

    static final List<String> KINDS = List.of("staff", "legacy-accounts", "nhsmail-accounts", "appointments",
            "tickets", "finance", "benefits", "benefit-measurements");
    static final List<String> FINANCE_KINDS = List.of("finance", "benefits", "benefit-measurements");

    static byte[] valid(String kind) {
        return fixture(kind + "/valid-all-formats.csv");
    }

    static String table(String kind) {
        return ImportKind.byUrlName(kind).orElseThrow().table();
    }

    @Test
    void refusesAnonymousUploadOfEveryKind() {
        String ods = Api.newOrganisation();
        for (String kind : KINDS) {
            given().contentType("text/csv").body(valid(kind)).post(path(ods, kind))
                    .then().log().ifValidationFails().statusCode(401)
                    .contentType("application/problem+json").header("WWW-Authenticate", startsWith("Basic"));
        }
        given().get("/api/organisations/" + ods + "/imports").then().statusCode(401)
                .contentType("application/problem+json");
        assertThat(Db.count("import_batch", ods), equalTo(0L));
    }

    @Test
    void refusesViewerUploadOfEveryKind() {
        String ods = Api.newOrganisation();
        for (String kind : KINDS) {
            upload("viewer", ods, kind, valid(kind)).then().log().ifValidationFails().statusCode(403)
                    .contentType("application/problem+json");
        }
        assertThat(Db.count("import_batch", ods), equalTo(0L));
    }

    @Test
    void refusesFinanceUploadOfOperationalKinds() {
        String ods = Api.newOrganisation();
        for (String kind : KINDS) {
            if (!FINANCE_KINDS.contains(kind)) {
                upload("finance", ods, kind, valid(kind)).then().log().ifValidationFails().statusCode(403)
                        .contentType("application/problem+json");
                assertThat(kind, Db.count(table(kind), ods), equalTo(0L));
            }
        }
        assertThat(Db.count("import_batch", ods), equalTo(0L));
    }

    @Test
    void letsFinanceUploadFinanceAndBenefitKinds() {
        String ods = Api.newOrganisation();
        for (String kind : FINANCE_KINDS) {
            upload("finance", ods, kind, valid(kind)).then().log().ifValidationFails().statusCode(201);
        }
        assertThat(Db.count("import_batch", ods), equalTo(3L));
    }

    @Test
    void letsProjectManagerUploadEveryKind() {
        String ods = Api.newOrganisation();
        for (String kind : KINDS) {
            upload("pm", ods, kind, valid(kind)).then().log().ifValidationFails().statusCode(201);
        }
        assertThat(Db.count("import_batch", ods), equalTo(8L));
    }

    @Test
    void letsAdminUploadEveryKind() {
        String ods = Api.newOrganisation();
        for (String kind : KINDS) {
            upload("admin", ods, kind, valid(kind)).then().log().ifValidationFails().statusCode(201);
        }
        assertThat(Db.count("import_batch", ods), equalTo(8L));
    }

    @Test
    void listsImportsNewestFirstWithWhoWhenKindRowsAndSha256() {
        String ods = Api.newOrganisation();
        JsonPath staff = upload("pm", ods, "staff", valid("staff")).then().statusCode(201).extract().jsonPath();
        JsonPath tickets = upload("admin", ods, "tickets", valid("tickets")).then().statusCode(201).extract().jsonPath();
        JsonPath finance = upload("finance", ods, "finance", valid("finance")).then().statusCode(201).extract().jsonPath();
        // refused and duplicate uploads leave no line
        upload("pm", ods, "staff", valid("staff")).then().statusCode(200);
        upload("pm", ods, "staff", new byte[] {'x', '\n'}).then().statusCode(422);

        JsonPath list = as("viewer").get("/api/organisations/" + ods + "/imports").then()
                .log().ifValidationFails().statusCode(200).body("", hasSize(3)).extract().jsonPath();
        assertThat(list.getList("kind"), contains("finance", "tickets", "staff"));
        assertThat(list.getList("importedBy"), contains("test-finance", "test-admin", "test-pm"));
        assertThat(list.getList("rows"), contains(4, 8, 5));
        assertThat(list.getList("importId", Long.class), contains(finance.getLong("importId"),
                tickets.getLong("importId"), staff.getLong("importId")));
        assertThat(list.getList("sha256"), contains(finance.getString("sha256"), tickets.getString("sha256"),
                staff.getString("sha256")));
        assertThat(list.getString("[2].sha256"), matchesPattern("[0-9a-f]{64}"));
        assertThat(list.getList("ignoredColumns[2]"), contains("Cost Centre", "notes"));
        // stamped by the service's clock (fixed in the tests), stored to the microsecond
        for (String when : list.<String>getList("importedAt")) {
            Duration off = Duration.between(clock.instant(), OffsetDateTime.parse(when).toInstant()).abs();
            assertThat(when, off.toNanos(), lessThanOrEqualTo(1000L));
        }
    }

    @Test
    void listsNoImportsOfOtherOrganisations() {
        String other = Api.newOrganisation();
        upload("pm", other, "staff", valid("staff")).then().statusCode(201);
        String ods = Api.newOrganisation();
        as("pm").get("/api/organisations/" + ods + "/imports").then().statusCode(200).body("", hasSize(0));
    }
}
