package io.migrationinsights.system;

/** The {@code ?version=N} parameter of sealed documents (returns, benefits reports). */
public final class VersionParam {

    private VersionParam() {
    }

    /** The version asked for, from 1; null when none was given. */
    public static Integer parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            int v = Integer.parseInt(text.strip());
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // falls through to the problem below
        }
        throw ProblemException.badRequest("version must be a whole number from 1, for example ?version=1.");
    }
}
