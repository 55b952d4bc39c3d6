package io.migrationinsights.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.migrationinsights.system.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // text (a line break written \n or \r) | row of the NUL at its end | row of an unclosed quote
            "a,b\\nc,d\\n|3|0",
            "a,b\\r\\nc,d\\r\\n|3|0",
            "a,b\\rc,d\\r|3|0",
            "a,b\\n\\n\\nc|4|0",
            "a,b\\r\\n\\r\\nc|3|0",
            "a,b\\n\\r\\nc|3|0",
            "a,\"b\\nc\"\\nd|2|0",
            "a,\"b\"\"\\n\"\"c\"\\nd|2|0",
            "a,\"b\\nc|1|1",
            "a\\nb,\"c\\n\\nd|2|2",
            "a,b\"c\\nd|2|0",
            "a,\"b\" c\\nd|2|0",
            "\"a\"\\n\"b|2|2",
            "a,\"\"\\nb|2|0"})
    void countsRowsOutsideQuotesAsTheParserReadsThem(String written, long nulRow, long unclosedRow) throws IOException {
        String text = written.replace("\\n", "\n").replace("\\r", "\r");
        assertEquals(unclosedRow, drain(text).unclosedQuoteRow());
        ProblemException e = assertThrows(ProblemException.class, () -> drain(text + "\0"));
        assertEquals(415, e.status());
        assertEquals("Row " + nulRow + " holds binary data (a NUL byte): this is not a CSV text file.", e.getMessage());
    }

    /** Random texts of commas, quotes, line breaks and letters, read in random pieces, against the rules above. */
    @Test
    void countsRowsOfRandomTextsAsASimpleScanDoes() throws IOException {
        Random random = new Random(11);
        char[] alphabet = {'a', 'b', ',', '"', '\r', '\n', ' ', '\u00e9', '-'};
        for (int i = 0; i < 3000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = random.nextInt(60); n > 0; n--) {
                b.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String text = b.toString();
            long[] expected = scan(text);
            assertEquals(expected[1], drain(text).unclosedQuoteRow(), text);
            ProblemException e = assertThrows(ProblemException.class, () -> drain(text + "\0" + text));
            assertEquals("Row " + expected[0] + " holds binary data (a NUL byte): this is not a CSV text file.",
                    e.getMessage(), text);
        }
    }

    private static GuardedReader drain(String text) throws IOException {
        Random random = new Random(text.hashCode());
        try (GuardedReader reader = new GuardedReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
            char[] buffer = new char[64];
            while (reader.read(buffer, 0, 1 + random.nextInt(buffer.length)) >= 0) {
                // drained in pieces of random length, so that the scan's state crosses reads
            }
            return reader;
        }
    }

    /**
     * RFC 4180 as a plain scan: {row at the end of the text, row where an unclosed quote opened or 0}.
     * A quote opens a quoted value only at the start of a field; "" inside one is data; CR, LF or CRLF
     * outside quotes end a row.
     */
    private static long[] scan(String text) {
        long row = 1;
        long quoteRow = 0;
        boolean inQuotes = false;
        boolean fieldStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    i++;
                } else if (c == '"') {
                    inQuotes = false;
                }
                continue;
            }
            if (c == '"' && fieldStart) {
                inQuotes = true;
                quoteRow = row;
                fieldStart = false;
            } else if (c == '\r' || c == '\n') {
                if (!(c == '\n' && i > 0 && text.charAt(i - 1) == '\r')) {
                    row++;
                }
                fieldStart = true;
            } else {
                fieldStart = c == ',';
            }
        }
        return new long[] {row, inQuotes ? quoteRow : 0};
    }
}
