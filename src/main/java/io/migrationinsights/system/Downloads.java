package io.migrationinsights.system;

/**
 * File names of downloads. Names are built from checked values (ODS codes,
 * periods, versions), and are still reduced to letters, digits, dot, dash and
 * underscore, so no header injection, path or quote can ride in a
 * Content-Disposition.
 */
public final class Downloads {

    private Downloads() {
    }

    /** The name with every other character replaced by '_', at most 100 characters, never starting with a dot. */
    public static String fileName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        safe = safe.replaceFirst("^\\.+", "_");
        return safe.length() <= 100 ? safe : safe.substring(0, 100);
    }

    /** A Content-Disposition value that makes the browser save the file under the sanitised name. */
    public static String attachment(String name) {
        return "attachment; filename=\"" + fileName(name) + "\"";
    }
}
