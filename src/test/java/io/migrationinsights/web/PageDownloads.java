package io.migrationinsights.web;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;

/**
 * Downloads what a page links to with the browser's own session (its cookies),
 * as the browser would when the link is followed, so a test can open the file
 * with POI. (Headless Chromium saves downloads out of the test's reach.)
 */
final class PageDownloads {

    private PageDownloads() {
    }

    /** A request carrying every cookie of the browser's session. */
    static RequestSpecification withSession(WebDriver driver) {
        RequestSpecification request = given().redirects().follow(false);
        for (Cookie c : driver.manage().getCookies()) {
            request.cookie(c.getName(), c.getValue());
        }
        return request;
    }

    /** The bytes at {@code href} (absolute), fetched with the browser's session; expects 200. */
    static byte[] fetch(WebDriver driver, String href) {
        return withSession(driver).get(href).then().statusCode(200).extract().asByteArray();
    }

    static XSSFWorkbook workbook(byte[] bytes) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
