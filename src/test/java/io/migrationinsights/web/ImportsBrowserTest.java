package io.migrationinsights.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.migrationinsights.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** Uploading exports through the imports page in a real browser, with the script's progress bar. */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class ImportsBrowserTest extends BrowserTest {

    private static String ods;

    /** An organisation of this class's own, made at the first test (the app is up by then). */
    @BeforeEach
    void organisation() {
        if (ods == null) {
            ods = Api.newOrganisation();
            Api.user("browser-imports-pm", "pm", List.of(ods));
            Api.user("browser-imports-viewer", "viewer", List.of(ods));
        }
    }

    @Test
    void aBadRowIsNamedWithItsValueAndNothingIsImported() throws IOException {
        signIn("browser-imports-pm");
        open("/organisations/" + ods + "/imports");
        assertEquals("Imports", heading());
        assertAccessible();
        upload("tickets", "bad-tickets.csv", """
                ticket_id,opened_at,category,channel,migration_related
                T1,2026-01-05 09:00,password_reset,phone,yes
                T2,2026-01-06 10:00,not-a-category,phone,no
                """);
        WebElement errors = find(By.id("row-errors"));
        String row = errors.findElement(By.cssSelector("tbody tr")).getText();
        assertTrue(row.startsWith("3 category not-a-category"), row);
        assertTrue(find(By.cssSelector("#outcome [role=alert]")).getText().contains("nothing was imported"));
        assertFalse(find(By.id("history")).getText().contains("bad-tickets.csv"), "nothing in the ledger");
        assertAccessible();
    }

    @Test
    void aGoodFileIsImportedAndAppearsInTheHistory() throws IOException {
        signIn("browser-imports-pm");
        open("/organisations/" + ods + "/imports");
        upload("finance", "finance.csv", """
                line_id,kind,description,amount_gbp,frequency,start_date,cashable
                L1,project_cost,Licences,1200.00,one_off,2026-01-05,yes
                L2,cost_avoided,Managed migration avoided,5000.00,one_off,2026-02-01,no
                """);
        assertTrue(find(By.cssSelector("#outcome [role=status]")).getText().contains("2 rows of finance"));
        String history = find(By.id("history")).findElement(By.cssSelector("tbody tr")).getText();
        assertTrue(history.contains("finance") && history.contains("browser-imports-pm")
                && history.contains("finance.csv"), history);
        assertAccessible();
    }

    @Test
    void aViewerSeesTheHistoryButNoUploadControl() {
        signIn("browser-imports-viewer");
        open("/organisations/" + ods + "/imports");
        assertFalse(present(By.id("upload-form")), "no upload form for a viewer");
        assertTrue(present(By.id("history")));
        assertAccessible();
    }

    /** Chooses the kind and the file and submits; waits for the outcome the page then shows. */
    private void upload(String kind, String name, String csv) throws IOException {
        Path dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "browser-uploads"));
        Path file = dir.resolve(name);
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        new Select(find(By.id("kind"))).selectByValue(kind);
        find(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        find(By.id("upload-button")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("outcome")));
    }
}
