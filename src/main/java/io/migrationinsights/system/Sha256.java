package io.migrationinsights.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one way the service fingerprints bytes: SHA-256 written as 64 lower-case
 * hex digits (import files in the ledger, the figures and workbooks of a return),
 * so that {@code sha256sum} of a downloaded file gives the value the API shows.
 */
public final class Sha256 {

    private Sha256() {
    }

    /** A fresh digest, for bytes that stream past (an upload). */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Completes the digest and writes it as lower-case hex. */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The hash of bytes in hand. */
    public static String of(byte[] bytes) {
        MessageDigest digest = newDigest();
        digest.update(bytes);
        return hex(digest);
    }

    /** The hash of text as UTF-8. */
    public static String of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }
}
