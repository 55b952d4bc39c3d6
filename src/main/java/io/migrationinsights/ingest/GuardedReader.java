package io.migrationinsights.ingest;

import io.migrationinsights.system.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes an upload as strict UTF-8 and refuses what is not a text file,
 * naming the spreadsheet row where the bad byte sits. The CSV parser reads
 * ahead, so only the decoder knows exactly where a bad byte is: this reader
 * counts rows (line breaks outside quotes) over the characters it hands out.
 */
final class GuardedReader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024).flip();
    private boolean endOfInput;
    private boolean flushed;
    private boolean started;
    private long row = 1;
    private boolean inQuotes;

    GuardedReader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (out.position() == off) {
            if (!endOfInput && bytes.remaining() < 4096) {
                fill();
            }
            if (!started) {
                started = true;
                refuseNonText();
            }
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                track(cbuf, off, out.position());
                throw new ProblemException(400, "Not UTF-8",
                        "Row " + row + " is not valid UTF-8 text. Save the export as 'CSV UTF-8' and upload it again.");
            }
            if (endOfInput && result.isUnderflow()) {
                if (!flushed) {
                    decoder.flush(out);
                    flushed = true;
                }
                if (out.position() == off) {
                    return -1;
                }
            }
        }
        track(cbuf, off, out.position());
        return out.position() - off;
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    /** Spreadsheets and other binary files: say what they look like. */
    private void refuseNonText() {
        if (startsWith(0x50, 0x4B, 0x03, 0x04) || startsWith(0xD0, 0xCF, 0x11, 0xE0)) {
            throw new ProblemException(415, "Not a CSV file",
                    "This looks like an Excel workbook. Open it and save it as 'CSV UTF-8 (comma delimited)', then upload the CSV.");
        }
        if (startsWith(0xFF, 0xFE) || startsWith(0xFE, 0xFF)) {
            throw new ProblemException(400, "Not UTF-8",
                    "This file is UTF-16 text. Save it as 'CSV UTF-8 (comma delimited)' and upload it again.");
        }
    }

    private boolean startsWith(int... magic) {
        if (bytes.remaining() < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes.get(bytes.position() + i) & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private void track(char[] cbuf, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = cbuf[i];
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if (c == '\n' && !inQuotes) {
                row++;
            } else if (c == 0) {
                throw new ProblemException(415, "Not a CSV file",
                        "Row " + row + " holds binary data (a NUL byte): this is not a CSV text file.");
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
