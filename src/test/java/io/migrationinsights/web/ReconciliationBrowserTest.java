package io.migrationinsights.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The reconciliation page: classes for everyone, members with search and paging for pm and admin. */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class ReconciliationBrowserTest extends BrowserTest {

    private static final String PAGE = "/organisations/" + DEMO + "/reconciliation";
    private static final By MEMBERS_CAPTION = By.cssSelector("#members caption");

    @Test
    void pmSearchesPagesAndDownloadsMembers() throws Exception {
        signIn(user("browser-pm-reconciliation", "pm"));
        open(PAGE);
        assertEquals("Reconciliation", heading());
        assertTrue(find(By.id("classes")).getText().contains("needs_account"));
        assertAccessible();

        new Select(find(By.id("class"))).selectByValue("on_nhsmail");
        find(By.cssSelector("form[role=search] button[type=submit]")).click();
        PageWaits.text(driver, MEMBERS_CAPTION, "on_nhsmail");
        assertEquals(50, driver.findElements(By.cssSelector("#members tbody tr")).size());
        String first = find(By.cssSelector("#members tbody tr td")).getText();
        find(By.linkText("Next page")).click();
        PageWaits.text(driver, MEMBERS_CAPTION, "page 2 of");
        assertFalse(find(By.id("members")).getText().contains(first + " "), "page 2 starts after page 1");
        assertAccessible();

        find(By.id("q")).clear();
        find(By.id("q")).sendKeys(first);
        find(By.cssSelector("form[role=search] button[type=submit]")).click();
        PageWaits.text(driver, MEMBERS_CAPTION, "of 1, 1 in all");
        String href = find(By.cssSelector("a[href*='members.xlsx']")).getAttribute("href");
        try (XSSFWorkbook wb = PageDownloads.workbook(PageDownloads.fetch(driver, href))) {
            int row = io.migrationinsights.documents.TableWorkbook.FIRST_ROW;
            assertEquals(row, wb.getSheetAt(0).getLastRowNum(), "one member");
            assertEquals(first, wb.getSheetAt(0).getRow(row).getCell(0).getStringCellValue());
        }
    }

    @Test
    void aViewerSeesCountsButNoMemberList() {
        signIn(user("browser-viewer-reconciliation", "viewer"));
        open(PAGE);
        assertTrue(find(By.id("classes")).getText().contains("needs_account"));
        assertFalse(present(By.id("members")));
        assertFalse(present(By.id("class")));
        assertAccessible();
        assertEquals(403, PageDownloads.withSession(driver)
                .get(url("/api/organisations/" + DEMO + "/reconciliation/needs_account/members.xlsx")).statusCode());
    }
}
