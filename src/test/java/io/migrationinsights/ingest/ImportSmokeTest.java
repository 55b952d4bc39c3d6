package io.migrationinsights.ingest;

import static io.migrationinsights.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

import io.migrationinsights.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImportSmokeTest {

    @Test
    void importsStaff() {
        String ods = Api.newOrganisation();
        as("pm").contentType("text/csv")
                .body("Staff ID,first name,Last-Name,email,business_unit,site,user_type,employment_status,leave_date,extra\n"
                        + "S1,Ann,Lee,ann@x.nhs.uk,HR,Oxford,STANDARD,active,,z\n")
                .post("/api/organisations/" + ods + "/imports/staff")
                .then().log().ifValidationFails().statusCode(201).body("rows", equalTo(1));
    }
}
