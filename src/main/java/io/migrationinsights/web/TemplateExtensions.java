package io.migrationinsights.web;

import io.quarkus.qute.TemplateExtension;

/** Small helpers the page templates call on values. */
@TemplateExtension
final class TemplateExtensions {

    private TemplateExtensions() {
    }

    /** {@code {cell.display}}: a table cell as the page shows it (see {@link Table#display}). */
    static String display(Object value) {
        return Table.display(value);
    }
}
