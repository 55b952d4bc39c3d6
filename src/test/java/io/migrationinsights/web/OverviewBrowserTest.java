package io.migrationinsights.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.migrationinsights.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The overview of the demo organisation in a real browser: figures, charts with their tables, exports. */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class OverviewBrowserTest extends BrowserTest {

    /** Where the overview screenshot is written (the README shows docs/overview.png, copied from here). */
    static final Path SCREENSHOT = Path.of("target", "overview.png");

    @Test
    void showsHeadlineFiguresAndEveryChartWithItsDataTable() throws IOException {
        signIn(user("browser-overview-viewer", "viewer"));
        open("/organisations/" + DEMO);
        assertEquals("Overview", heading());
        assertEquals("Overview: Demo CSU (synthetic) - Migration Insights", title());
        String headline = find(By.id("headline")).getText();
        for (String label : List.of("Staff in scope", "Migrated", "Outstanding", "Wash-up outstanding",
                "Accounts needed next month", "Net saving to date (GBP)", "GREEN", "AMBER", "RED", "GREY")) {
            assertTrue(headline.contains(label), label + " in " + headline);
        }
        List<WebElement> charts = driver.findElements(By.cssSelector("figure.chart svg[role=img]"));
        assertEquals(7, charts.size(), "registrations, per day, per site, per user type, tickets, saving, burn-down");
        for (WebElement svg : charts) {
            String labelled = svg.getAttribute("aria-labelledby");
            assertTrue(!find(By.id(labelled)).getAttribute("textContent").isBlank(), "every chart has a title");
        }
        for (String table : List.of("registrations", "per-day", "per-site", "per-user-type", "tickets", "net-saving",
                "burn-down", "go-live")) {
            WebElement t = find(By.id(table));
            assertTrue(!t.findElement(By.tagName("caption")).getText().isBlank(), table + " has a caption");
            assertTrue(!t.findElements(By.cssSelector("tbody tr")).isEmpty()
                    && !t.findElement(By.tagName("tbody")).getText().equals("No rows."), table + " has rows");
        }
        assertAccessible();
        Files.createDirectories(SCREENSHOT.getParent());
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1700));
        Files.write(SCREENSHOT, screenshot());
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
    }

    @Test
    void aTableDownloadsAsAWorkbookWithNumericCells() throws IOException {
        byte[] bytes = Api.as("viewer").get("/organisations/" + DEMO + "/tables/per-site.xlsx")
                .then().statusCode(200).contentType(TableWorkbook.XLSX).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = wb.getSheetAt(0);
            assertEquals("Progress per site", sheet.getRow(0).getCell(0).getStringCellValue());
            Row header = sheet.getRow(2);
            assertEquals("Site", header.getCell(0).getStringCellValue());
            assertEquals("In scope", header.getCell(1).getStringCellValue());
            Row first = sheet.getRow(3);
            assertEquals(CellType.STRING, first.getCell(0).getCellType());
            assertEquals(CellType.NUMERIC, first.getCell(1).getCellType());
            long inScope = 0;
            for (int r = 3; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                inScope += (long) row.getCell(1).getNumericCellValue();
                assertEquals(row.getCell(1).getNumericCellValue() - row.getCell(2).getNumericCellValue(),
                        row.getCell(3).getNumericCellValue(), "outstanding = in scope - migrated");
            }
            long overview = Api.as("viewer").get("/api/organisations/" + DEMO + "/metrics/migration")
                    .then().statusCode(200).extract().jsonPath().getLong("inScope");
            assertEquals(overview, inScope, "the sites add up to the API's in-scope figure");
        }
        Api.as("viewer").get("/organisations/" + DEMO + "/tables/no-such-table.xlsx").then().statusCode(404);
    }
}
