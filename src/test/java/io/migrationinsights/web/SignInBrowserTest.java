package io.migrationinsights.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Signing in and out in a real browser, and the list of organisations a user is granted. */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class SignInBrowserTest extends BrowserTest {

    @Test
    void aWrongPasswordStaysAtSignInWithAMessage() {
        String name = user("browser-wrong-password", "viewer");
        signIn(name, "not-the-password-at-all");
        assertEquals("Sign in", heading());
        assertTrue(find(By.id("signin-error")).getText().contains("user name or password is not right"));
        assertTrue(present(By.id("j_username")), "the form is still there");
        assertAccessible();
    }

    @Test
    void signsInListsTheGrantedOrganisationsAndSignsOut() {
        open("/");
        assertEquals("Sign in - Migration Insights", title());
        assertAccessible();
        String name = user("browser-viewer", "viewer");
        signIn(name);
        assertTrue(find(By.id("organisations")).getText().contains(DEMO));
        assertAccessible();
        find(By.linkText("Demo CSU (synthetic)")).click();
        assertEquals("Overview", heading());
        assertAccessible();
        signOut();
        assertTrue(find(By.cssSelector("[role=status]")).getText().contains("signed out"));
        open("/organisations/" + DEMO);
        assertTrue(present(By.id("j_username")), "signed out: a page sends the visitor to sign in");
        assertFalse(present(By.cssSelector("form[action='/sign-out']")));
    }
}
