package io.migrationinsights.users;

import io.migrationinsights.system.InsightsConfig;
import io.migrationinsights.system.ProblemException;
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
 * the data folder readable by the owner only. The log says once that a
 * password was generated and where the file is, never the password itself:
 * logs are shipped and kept where the data folder is not.
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
            try {
                users.save("admin", password, Roles.ADMIN, null);
            } catch (ProblemException e) {
                // the same rules as every password: refuse to start rather than run with a weak admin
                throw new IllegalStateException("INSIGHTS_ADMIN_PASSWORD is refused: " + e.getMessage());
            } catch (RuntimeException e) {
                if (createdByAnotherInstance(e)) {
                    return;
                }
                throw e;
            }
            LOG.info("Created user 'admin' with the password from INSIGHTS_ADMIN_PASSWORD");
            return;
        }
        password = generatePassword();
        Path file = writePasswordFile(password);
        users.save("admin", password, Roles.ADMIN, null);
        LOG.infof("Created user 'admin' with a generated password, written to %s (readable by its owner only)",
                file.toAbsolutePath());
    }

    /**
     * Two instances started together on one empty database both find no users; the second insert of
     * {@code admin} fails on the unique user name. Then the admin exists and this start goes on.
     */
    private boolean createdByAnotherInstance(RuntimeException e) {
        if (users.count() == 0) {
            return false;
        }
        LOG.infof("User 'admin' was created by another instance starting at the same time (%s)",
                e.getClass().getSimpleName());
        return true;
    }

    static String generatePassword() {
        byte[] bytes = new byte[24];
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
