package io.migrationinsights.system;

import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Derives the transport's body limit ({@code quarkus.http.limits.max-body-size})
 * from {@code insights.import.max-upload-size}, plus room for a form's headers,
 * so one setting governs both: a chunked form upload is cut off by the
 * transport at the configured size instead of being received whole into the
 * uploads folder first (47 MB were received against a 1 MB limit). Its
 * ordinal is below application.properties, so an explicit
 * {@code quarkus.http.limits.max-body-size} still wins.
 */
public class UploadLimitConfigSource implements ConfigSourceFactory {

    /** Multipart boundaries and part headers around the file: a few hundred bytes in practice. */
    static final long FORM_OVERHEAD = 64 * 1024;
    static final String UPLOAD_KEY = "insights.import.max-upload-size";
    static final String TRANSPORT_KEY = "quarkus.http.limits.max-body-size";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue upload = context.getValue(UPLOAD_KEY);
        String size = upload == null || upload.getValue() == null ? "512M" : upload.getValue();
        long bytes = new MemorySizeConverter().convert(size).asLongValue() + FORM_OVERHEAD;
        return List.of(new PropertiesConfigSource(Map.of(TRANSPORT_KEY, Long.toString(bytes)),
                "insights upload limit", 200));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(200);
    }
}
