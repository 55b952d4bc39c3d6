package io.migrationinsights.users;

import io.migrationinsights.audit.AuditAction;
import io.migrationinsights.audit.AuditLog;
import io.migrationinsights.security.Grants;
import io.migrationinsights.system.ProblemException;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Creates, updates, lists and deletes users and checks their passwords; the only writer of {@link UserAccount}. */
@ApplicationScoped
public class UserService {

    /** Shortest password accepted (CONTRACT section 7). */
    public static final int MIN_PASSWORD_LENGTH = PasswordPolicy.MIN_LENGTH;

    /** Compared against when the user name is unknown, so that a miss costs the same time as a wrong password. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("no such user: constant-time miss");

    private final Clock clock;
    private final AuditLog audit;
    private final TokenService tokens;

    UserService(Clock clock, AuditLog audit, TokenService tokens) {
        this.clock = clock;
        this.audit = audit;
        this.tokens = tokens;
    }

    /** What a signed-in user is: role and grants. */
    public record Access(String username, String role, Grants grants) {
    }

    /** What the API shows of a user: never the password or its hash. */
    public record UserView(String username, String role, List<String> organisations, Instant createdAt,
                           Instant lastSignInAt) {
        static UserView of(UserAccount u) {
            return new UserView(u.username, u.role, Grants.parseStored(u.organisations).asList(), u.createdAt,
                    u.lastSignInAt);
        }
    }

    /** A saved user and whether this call created it. */
    public record Saved(UserView user, boolean created) {
    }

    /**
     * Creates or updates a user. On update a null field keeps its value. A new
     * user needs a password and a role, and organisations unless it is an admin
     * (admins act on every organisation).
     */
    @Transactional
    public Saved save(String username, String password, String role, List<String> organisations) {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{1,100}")) {
            throw new ProblemException(422, "Invalid user", "A username is 1 to 100 letters, digits or . _ @ -");
        }
        UserAccount user = UserAccount.find("username", username).firstResult();
        boolean created = user == null;
        if (created) {
            if (password == null) {
                throw new ProblemException(422, "Invalid user", "password is required for a new user.");
            }
            if (role == null) {
                throw new ProblemException(422, "Invalid user", "role is required for a new user: admin, pm, finance or viewer.");
            }
            if (organisations == null && !Roles.ADMIN.equals(role)) {
                throw new ProblemException(422, "Invalid user", "organisations is required for a new " + role
                        + ": a list of ODS codes such as [\"QSL\"], or [\"*\"] for every organisation.");
            }
            user = new UserAccount();
            user.username = username;
            user.createdAt = Instant.now(clock);
            user.organisations = "";
        }
        if (password != null) {
            PasswordPolicy.check(username, password);
            user.passwordHash = BcryptUtil.bcryptHash(password);
        }
        if (role != null) {
            user.role = role;
        }
        if (organisations != null) {
            user.organisations = Grants.fromList(organisations).stored();
        }
        if (Roles.ADMIN.equals(user.role)) {
            user.organisations = Grants.ALL.stored();
        }
        user.persist();
        audit.record(AuditAction.USER_SAVE, null, "user=" + username + " role=" + user.role + " organisations="
                + user.organisations + (password != null ? " password-set" : ""), created ? "created" : "updated");
        return new Saved(UserView.of(user), created);
    }

    /** Removes a user and revokes the API tokens it created; its access ends with its next request. */
    @Transactional
    public void delete(String username, String actor) {
        UserAccount user = UserAccount.find("username", username).firstResult();
        if (user == null) {
            throw ProblemException.notFound("There is no user '" + username + "'.");
        }
        if (username.equals(actor)) {
            throw ProblemException.conflict("You cannot delete yourself: ask another admin.");
        }
        if (Roles.ADMIN.equals(user.role) && UserAccount.count("role", Roles.ADMIN) == 1) {
            throw ProblemException.conflict("'" + username + "' is the last admin: create another admin first.");
        }
        int revoked = tokens.revokeAllOf(username);
        user.delete();
        audit.record(AuditAction.USER_DELETE, null, "user=" + username + " tokens-revoked=" + revoked, "deleted");
    }

    @Transactional
    public List<UserView> list() {
        return UserAccount.<UserAccount>list("order by username").stream().map(UserView::of).toList();
    }

    @Transactional
    public long count() {
        return UserAccount.count();
    }

    /** The user's role and grants when the password matches, else empty; the same time either way. */
    @Transactional
    public Optional<Access> checkPassword(String username, String password) {
        UserAccount user = UserAccount.find("username", username).firstResult();
        boolean matches = BcryptUtil.matches(password, user == null ? DUMMY_HASH : user.passwordHash);
        return user != null && matches ? Optional.of(access(user)) : Optional.empty();
    }

    /** The role and grants of an existing user (for sign-ins that carry no password, such as a browser session). */
    @Transactional
    public Optional<Access> access(String username) {
        UserAccount user = UserAccount.find("username", username).firstResult();
        return Optional.ofNullable(user).map(UserService::access);
    }

    /**
     * Records a successful sign-in. HTTP Basic signs in on every request, so
     * this says whether it starts a new session: the previous sign-in is older
     * than {@code session} (or there was none). Only those are audited.
     */
    @Transactional
    public boolean markSignedIn(String username, Duration session) {
        UserAccount user = UserAccount.find("username", username).firstResult();
        if (user == null) {
            return false;
        }
        Instant now = Instant.now(clock);
        boolean newSession = user.lastSignInAt == null || user.lastSignInAt.plus(session).isBefore(now);
        if (newSession) {
            user.lastSignInAt = now;
        }
        return newSession;
    }

    private static Access access(UserAccount user) {
        return new Access(user.username, user.role, Grants.parseStored(user.organisations));
    }
}
