package io.migrationinsights.users;

import io.migrationinsights.system.InsightsConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.jboss.logging.Logger;

/**
 * On the first start with no users, creates {@code admin}. There is no built-in
 * password: it comes from INSIGHTS_ADMIN_PASSWORD or is generated, written to
 * the data folder readable by the owner only, and logged once.
 */
@ApplicationScoped
public class BootstrapAdmin {

    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class);
    public static final String PASSWORD_FILE = "admin-password.txt";

    private final UserService users;
    private final InsightsConfig config;

    BootstrapAdmin(UserService users, InsightsConfig config) {
        this.users = users;
        this.config = config;
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        if (users.count() > 0) {
            return;
        }
        String password = config.adminPassword().filter(p -> !p.isBlank()).orElse(null);
        if (password != null) {
            users.createOrUpdate("admin", password, Roles.ADMIN);
            LOG.info("Created user 'admin' with the password from INSIGHTS_ADMIN_PASSWORD");
            return;
        }
        password = generatePassword();
        Path file = writePasswordFile(password);
        users.createOrUpdate("admin", password, Roles.ADMIN);
        LOG.infof("Created user 'admin' with the generated password %s (also in %s, readable by its owner only)",
                password, file.toAbsolutePath());
    }

    static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private Path writePasswordFile(String password) {
        try {
            Path dir = config.dataDir();
            Files.createDirectories(dir);
            Path file = dir.resolve(PASSWORD_FILE);
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + "\n", StandardOpenOption.TRUNCATE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the admin password file into " + config.dataDir(), e);
        }
    }
}
