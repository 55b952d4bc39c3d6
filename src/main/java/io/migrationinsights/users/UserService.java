package io.migrationinsights.users;

import io.migrationinsights.system.ProblemException;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/** Creates and updates users; the only writer of {@link UserAccount}. */
@ApplicationScoped
public class UserService {

    /** Shortest password accepted (CONTRACT section 7). */
    public static final int MIN_PASSWORD_LENGTH = 12;

    private final Clock clock;

    UserService(Clock clock) {
        this.clock = clock;
    }

    /**
     * Creates or updates a user. The role and password have passed the
     * request's validation (UserResource); the user name, which is also the
     * sign-in name, is checked here.
     *
     * @return true when the user was created, false when it was updated
     */
    @Transactional
    public boolean createOrUpdate(String username, String password, String role) {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{1,100}")) {
            throw new ProblemException(422, "Invalid user",
                    "A username is 1 to 100 letters, digits or . _ @ -");
        }
        UserAccount user = UserAccount.find("username", username).firstResult();
        boolean created = user == null;
        if (created) {
            user = new UserAccount();
            user.username = username;
            user.createdAt = Instant.now(clock);
        }
        user.passwordHash = BcryptUtil.bcryptHash(password);
        user.role = role;
        user.persist();
        return created;
    }

    @Transactional
    public long count() {
        return UserAccount.count();
    }
}
