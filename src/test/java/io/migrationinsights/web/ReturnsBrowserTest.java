package io.migrationinsights.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The monthly returns in a real browser: preview, download, finalise after confirming, revise, roles. */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class ReturnsBrowserTest extends BrowserTest {

    @Test
    void aPmDownloadsFinalisesAndRevisesTheMonthsReturn() throws IOException {
        signIn(user("browser-returns-pm", "pm"));
        open("/organisations/" + DEMO + "/returns");
        assertEquals("Monthly returns", heading());
        assertAccessible();
        find(By.linkText("2026-02")).click();
        assertEquals("Return for 2026-02", heading());
        assertTrue(find(By.id("return-status")).getText().contains("DRAFT"));
        assertTrue(find(By.id("figures")).getText().contains("STAFF_IN_SCOPE"));
        assertAccessible();

        // the download link works for the signed-in browser session, and the workbook opens with POI
        String href = find(By.id("download-xlsx")).getAttribute("href");
        byte[] bytes = given().cookie("insights-session", driver.manage().getCookieNamed("insights-session").getValue())
                .get(URI.create(href).getPath()).then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = wb.getSheet("Return");
            boolean found = false;
            for (Row row : sheet) {
                if (row.getCell(0) != null && "STAFF_IN_SCOPE".equals(row.getCell(0).getStringCellValue())) {
                    String shown = find(By.id("figures")).findElement(By.xpath(
                            ".//tr[td[1][text()='STAFF_IN_SCOPE']]/td[3]")).getText().replace(",", "");
                    assertEquals(Long.parseLong(shown), (long) row.getCell(2).getNumericCellValue(),
                            "the page shows the workbook's figure");
                    found = true;
                }
            }
            assertTrue(found, "the workbook has STAFF_IN_SCOPE");
        }

        find(By.id("finalise")).click();
        assertTrue(present(By.id("finalise-form")), "a confirmation comes first");
        assertAccessible();
        find(By.id("finalise-confirm")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("message")));
        assertTrue(find(By.id("return-status")).getText().contains("FINAL"));
        assertTrue(find(By.id("versions")).getText().contains("browser-returns-pm"));
        assertFalse(present(By.id("finalise")), "finalised: no second finalise");

        find(By.id("revise")).click();
        find(By.id("reason")).sendKeys("Late wash-up outcomes corrected");
        assertAccessible();
        find(By.id("revise-confirm")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Revised"));
        assertTrue(find(By.id("return-status")).getText().contains("2 (revised)"));
        String versions = find(By.id("versions")).getText();
        assertTrue(versions.contains("Late wash-up outcomes corrected"), versions);
        assertEquals(2, find(By.id("versions")).findElements(By.cssSelector("tbody tr")).size());
    }

    @Test
    void aViewerSeesNoFinaliseControlAndTheServerRefusesIt() {
        signIn(user("browser-returns-viewer", "viewer"));
        open("/organisations/" + DEMO + "/returns/2026-03");
        assertEquals("Return for 2026-03", heading());
        assertFalse(present(By.id("finalise")));
        assertFalse(present(By.id("revise")));
        open("/organisations/" + DEMO + "/returns/2026-03?confirm=finalise");
        assertFalse(present(By.id("finalise-form")), "no confirmation form for a viewer either");
        assertAccessible();
        String token = driver.manage().getCookieNamed("insights-csrf").getValue();
        given().cookie("insights-session", driver.manage().getCookieNamed("insights-session").getValue())
                .cookie("insights-csrf", token).contentType("application/x-www-form-urlencoded")
                .body("csrf-token=" + token).redirects().follow(false)
                .post("/organisations/" + DEMO + "/returns/2026-03/finalise").then().statusCode(403);
        signOut();
    }
}
