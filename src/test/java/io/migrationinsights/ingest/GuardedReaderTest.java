package io.migrationinsights.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The reader under the CSV parser, on its own (no application needed). */
class GuardedReaderTest {

    @Test
    void keepsAnsweringEndOfInputAfterTheLastCharacter() throws IOException {
        String text = "email,created_date,status\n" + "a@nhs.net,2026-03-01,active\n".repeat(5000) + "é";
        try (GuardedReader reader = new GuardedReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
            StringBuilder read = new StringBuilder();
            char[] buffer = new char[777];
            int n;
            while ((n = reader.read(buffer, 0, buffer.length)) >= 0) {
                read.append(buffer, 0, n);
            }
            assertEquals(text, read.toString());
            assertEquals(-1, reader.read(buffer, 0, buffer.length));
            assertEquals(-1, reader.read(buffer, 0, buffer.length));
        }
    }
}
