package io.migrationinsights.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.migrationinsights.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The users page: an admin creates a user, changes its role and removes it; nobody else gets the page. */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class UsersBrowserTest extends BrowserTest {

    @Test
    void adminCreatesAUserChangesTheRoleAndRemovesIt() {
        signIn(user("browser-admin", "admin"));
        find(By.linkText("Users")).click();
        PageWaits.present(driver, By.id("create-user"));
        assertEquals("Users", heading());
        assertAccessible();

        String name = "browser-new-" + System.nanoTime() % 100000;
        find(By.id("username")).sendKeys(name);
        find(By.id("password")).sendKeys("short");
        find(By.id("organisations")).sendKeys(DEMO);
        driver.executeScript("document.getElementById('password').removeAttribute('minlength')");
        find(By.cssSelector("#create-user button[type=submit]")).click();
        PageWaits.present(driver, By.id("error"));
        assertTrue(find(By.id("error")).getText().contains("12"), find(By.id("error")).getText());
        assertAccessible();

        find(By.id("username")).clear();
        find(By.id("username")).sendKeys(name);
        find(By.id("password")).sendKeys("amber-walrus-tuning-fork-58");
        new Select(find(By.id("role"))).selectByValue("viewer");
        find(By.id("organisations")).clear();
        find(By.id("organisations")).sendKeys(DEMO);
        find(By.cssSelector("#create-user button[type=submit]")).click();
        PageWaits.text(driver, By.id("message"), name + " was created");
        By row = By.id("user-" + name);
        assertEquals("viewer", find(row).findElement(By.cssSelector(".role")).getText());
        assertTrue(find(row).getText().contains(DEMO));

        new Select(find(row).findElement(By.cssSelector("select[name=role]"))).selectByValue("pm");
        find(row).findElement(By.cssSelector("button[aria-label='Change the role of " + name + "']")).click();
        PageWaits.text(driver, By.id("message"), "role of " + name);
        assertEquals("pm", find(row).findElement(By.cssSelector(".role")).getText());
        Api.signedInAs(name, "amber-walrus-tuning-fork-58").get("/api/organisations/" + DEMO + "/reconciliation")
                .then().statusCode(200);

        find(row).findElement(By.cssSelector("button[aria-label='Remove " + name + "']")).click();
        PageWaits.text(driver, By.id("message"), name + " was removed");
        assertFalse(present(row));
        assertAccessible();
    }

    @Test
    void onlyAnAdminHasTheUsersPage() {
        signIn(user("browser-pm-users", "pm"));
        assertFalse(present(By.linkText("Users")));
        assertEquals(403, PageDownloads.withSession(driver).get(url("/users")).statusCode());
    }
}
