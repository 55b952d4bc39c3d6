package io.migrationinsights.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The benefits and savings page of the demo organisation, as finance uses it. */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class BenefitsBrowserTest extends BrowserTest {

    @Test
    void financeDownloadsTheSixMonthReportFromTheBenefitsPage() throws Exception {
        signIn(user("browser-finance", "finance"));
        open("/organisations/" + DEMO + "/benefits");
        assertEquals("Benefits and savings", heading());
        assertAccessible();
        // RAG as a word (the colour is the badge's background)
        List<String> rags = driver.findElements(By.cssSelector("#register .rag")).stream()
                .map(WebElement::getText).toList();
        assertFalse(rags.isEmpty());
        assertTrue(List.of("Red", "Amber", "Green", "Grey").containsAll(rags), rags.toString());

        WebElement status = find(By.cssSelector("#report-6 td"));
        assertTrue(List.of("provisional", "draft", "final").contains(status.getText()), status.getText());
        String href = find(By.id("report-6-xlsx")).getAttribute("href");
        try (XSSFWorkbook wb = PageDownloads.workbook(PageDownloads.fetch(driver, href))) {
            assertNotNull(wb.getSheet("Summary"));
            assertNotNull(wb.getSheet("Benefits"));
        }
        String pdf = find(By.id("report-6-pdf")).getAttribute("href");
        byte[] bytes = PageDownloads.fetch(driver, pdf);
        assertEquals("%PDF", new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void showsSavingsAsOfTheChosenDateAndExportsTheTable() {
        signIn(user("browser-finance-savings", "finance"));
        open("/organisations/" + DEMO + "/benefits");
        WebElement date = find(By.id("asOf"));
        date.clear();
        date.sendKeys("01312026"); // typed as a person would into a date input (month, day, year in en-US)
        if (!"2026-01-31".equals(date.getAttribute("value"))) {
            // a date input in another locale: set the value directly, as the keyboard would have
            driver.executeScript("arguments[0].value = '2026-01-31'", date);
        }
        find(By.cssSelector("form[action$='/benefits'] button[type=submit]")).click();
        PageWaits.text(driver, By.cssSelector("#savings caption"), "2026-01-31");
        assertAccessible();
        String href = find(By.cssSelector("a[href*='/tables/savings.xlsx']")).getAttribute("href");
        try (XSSFWorkbook wb = PageDownloads.workbook(PageDownloads.fetch(driver, href))) {
            Sheet sheet = wb.getSheetAt(0);
            int net = io.migrationinsights.documents.TableWorkbook.FIRST_ROW + 4;
            assertEquals("Net saving", sheet.getRow(net).getCell(0).getStringCellValue());
            assertEquals(CellType.NUMERIC, sheet.getRow(net).getCell(1).getCellType());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
