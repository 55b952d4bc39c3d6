package io.migrationinsights.system;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The key that encrypts browser session cookies
 * ({@code quarkus.http.auth.session.encryption-key}): {@code INSIGHTS_SESSION_KEY}
 * when set (instances behind one address share it), otherwise a random key made
 * at each start, so sessions end at a restart. Without it Quarkus makes its own
 * temporary key and writes it to the log, and a key in a log lets anyone who
 * reads the log forge a session. Its ordinal is below application.properties,
 * so an explicit setting still wins.
 */
public class SessionKeyConfigSource implements ConfigSourceFactory {

    static final String KEY = "quarkus.http.auth.session.encryption-key";
    static final String ENV = "INSIGHTS_SESSION_KEY";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue given = context.getValue(ENV);
        String key;
        if (given != null && given.getValue() != null && !given.getValue().isBlank()) {
            key = given.getValue();
        } else {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            key = Base64.getEncoder().encodeToString(bytes);
        }
        return List.of(new PropertiesConfigSource(Map.of(KEY, key), "insights session key", 200));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(200);
    }
}
