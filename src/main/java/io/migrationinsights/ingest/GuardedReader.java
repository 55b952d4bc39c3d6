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
    /** Where the CSV scanner stands: at a field start, in an unquoted field, in quotes, or just after a quote in quotes. */
    private int state = FIELD_START;
    private boolean afterCr;
    private long quoteRow;
    private boolean bomChecked;

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;

    GuardedReader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (flushed) {
            // Everything was decoded and handed out; a reader keeps answering "end" (the
            // decoder must not be used again after its flush).
            return -1;
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
        int from = off;
        if (!bomChecked) {
            bomChecked = true;
            if (cbuf[off] == '\uFEFF') {
                // A leading BOM is allowed (Excel's "CSV UTF-8"); the parser must not see it, or a quoted
                // first header would read as text.
                from++;
                System.arraycopy(cbuf, from, cbuf, off, out.position() - from);
                out.position(out.position() - 1);
                if (out.position() == off) {
                    return read(cbuf, off, len);
                }
            }
        }
        track(cbuf, off, out.position());
        return out.position() - off;
    }

    /**
     * The row on which a quoted value opened that the file never closes, or 0.
     * The CSV parser reads such a value to the end of the file without complaint.
     */
    long unclosedQuoteRow() {
        return endOfInput && state == QUOTED ? quoteRow : 0;
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

    /**
     * Follows RFC 4180 as the parser reads it: a quote opens a quoted value only at
     * the start of a field, a doubled quote inside one is data, and CR, LF or
     * CRLF outside quotes ends a row (so a multi-line quoted value is one row).
     */
    private void track(char[] cbuf, int from, int to) {
        // The scan runs over every character of the upload: its state lives in locals while it runs.
        int s = state;
        boolean cr = afterCr;
        long r = row;
        for (int i = from; i < to; i++) {
            char c = cbuf[i];
            if (c > ',') {
                // Not NUL, a line break, a quote or a comma (all sort below ','): inside quotes it stays
                // inside; anywhere else it is (or continues) an unquoted value.
                if (s != QUOTED) {
                    s = UNQUOTED;
                }
                cr = false;
                continue;
            }
            if (c == 0) {
                state = s;
                afterCr = cr;
                row = r;
                throw new ProblemException(415, "Not a CSV file",
                        "Row " + r + " holds binary data (a NUL byte): this is not a CSV text file.");
            }
            boolean lf = c == '\n';
            boolean crlf = lf && cr;
            cr = c == '\r';
            switch (s) {
                case QUOTED -> {
                    if (c == '"') {
                        s = QUOTE_IN_QUOTED;
                    }
                }
                case QUOTE_IN_QUOTED -> {
                    if (c == '"') {
                        s = QUOTED;
                    } else {
                        s = endOfField(c, lf);
                        r += rowEnd(c, lf, crlf);
                    }
                }
                case FIELD_START -> {
                    if (c == '"') {
                        s = QUOTED;
                        quoteRow = r;
                    } else {
                        s = endOfField(c, lf);
                        r += rowEnd(c, lf, crlf);
                    }
                }
                default -> {
                    s = endOfField(c, lf);
                    r += rowEnd(c, lf, crlf);
                }
            }
        }
        state = s;
        afterCr = cr;
        row = r;
    }

    /** 1 when the character ends a row (CR, LF, or CRLF counted once at its CR), else 0. */
    private static int rowEnd(char c, boolean lf, boolean crlf) {
        return (c == '\r' || lf) && !crlf ? 1 : 0;
    }

    private static int endOfField(char c, boolean lf) {
        return c == ',' || c == '\r' || lf ? FIELD_START : UNQUOTED;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
