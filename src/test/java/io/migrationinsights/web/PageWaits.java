package io.migrationinsights.web;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Waits for the page a form post or a link leads to. While the browser swaps
 * pages, reading the old page's element may fail in several ways (stale
 * element, "node does not belong to the document"); each is retried.
 */
final class PageWaits {

    private PageWaits() {
    }

    /** Waits until the element found by {@code selector} shows {@code text}. */
    static void text(WebDriver driver, By selector, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(WebDriverException.class)
                .until(d -> d.findElement(selector).getText().contains(text));
    }

    /** Waits until an element matching {@code selector} is on the page. */
    static void present(WebDriver driver, By selector) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(WebDriverException.class)
                .until(d -> !d.findElements(selector).isEmpty());
    }
}
