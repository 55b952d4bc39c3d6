package io.migrationinsights.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The decommissioning page: pm adds and withdraws an exception; a viewer sees figures only. */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class DecommissioningBrowserTest extends BrowserTest {

    private static final String PAGE = "/organisations/" + DEMO + "/decommissioning";

    @Test
    void pmAddsAndWithdrawsAnException() {
        signIn(user("browser-pm-decommissioning", "pm"));
        open(PAGE);
        assertEquals("Decommissioning", heading());
        assertAccessible();
        // the demo's legacy server is off (no active mailbox left): an exception may still be recorded ahead
        String account = "legal.hold@democsu.nhs.uk";
        // a reason is required: the form comes back with the message and what was typed
        find(By.id("account")).sendKeys(account);
        driver.executeScript("document.getElementById('reason').removeAttribute('required')");
        find(By.cssSelector("#exception-form button[type=submit]")).click();
        PageWaits.present(driver, By.id("form-error"));
        assertTrue(find(By.id("form-error")).getText().contains("reason"));
        assertEquals(account, find(By.id("account")).getAttribute("value"));
        assertAccessible();

        find(By.id("reason")).sendKeys("Held for a legal case");
        find(By.cssSelector("#exception-form button[type=submit]")).click();
        PageWaits.text(driver, By.id("message"), "recorded");
        assertTrue(find(By.id("exceptions-table")).getText().contains(account));
        assertTrue(find(By.id("exceptions-table")).getText().contains("Held for a legal case"));
        assertAccessible();

        find(By.cssSelector("#exceptions-table button[aria-label='Withdraw the exception for " + account + "']"))
                .click();
        PageWaits.text(driver, By.id("message"), "withdrawn");
        assertFalse(find(By.id("exceptions-table")).getText().contains(account));
    }

    @Test
    void aViewerSeesTheFiguresButNoListsOrExceptionControls() {
        signIn(user("browser-viewer-decommissioning", "viewer"));
        open(PAGE);
        assertEquals("Decommissioning", heading());
        assertTrue(present(By.id("tracker")));
        assertFalse(present(By.id("exception-form")));
        assertFalse(present(By.id("exceptions-table")));
        assertFalse(present(By.id("mailboxes")));
        assertAccessible();
        // the server refuses the form anyway (no CSRF token is even offered to a viewer)
        int status = PageDownloads.withSession(driver).contentType("application/x-www-form-urlencoded")
                .formParam("account", "a@b").formParam("reason", "x")
                .post(url(PAGE + "/exceptions")).statusCode();
        assertTrue(status == 400 || status == 403, "status " + status);
    }
}
