package io.migrationinsights.web;

import io.quarkus.qute.TemplateExtension;

/** Small helpers the page templates call. */
final class TemplateExtensions {

    private TemplateExtensions() {
    }

    /** {@code {fmt:cell(value)}}: a table cell as the page shows it (see {@link Table#display}); null shows empty. */
    @TemplateExtension(namespace = "fmt")
    static String cell(Object value) {
        return Table.display(value);
    }
}
