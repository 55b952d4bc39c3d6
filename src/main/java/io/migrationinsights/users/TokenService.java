package io.migrationinsights.users;

import io.migrationinsights.audit.AuditAction;
import io.migrationinsights.audit.AuditLog;
import io.migrationinsights.security.Grants;
import io.migrationinsights.system.Changes;
import io.migrationinsights.system.ClockProducer;
import io.migrationinsights.system.ProblemException;
import io.migrationinsights.system.RecentlyRead;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * API tokens (CONTRACT section 7): 256 random bits shown once, kept as their
 * SHA-256, with a role, grants and an expiry. A token found live is kept in
 * memory ({@link RecentlyRead}; its expiry is still checked on every request)
 * until a revocation commits: then every instance forgets it ({@link Changes}),
 * so the next request with it is refused on any of them.
 */
@ApplicationScoped
public class TokenService {

    /** Tokens start with this, so they are recognisable in a secret scanner or a leaked log. */
    static final String PREFIX = "mi_";
    /** last_used_at is written at most this often per token, not on every request. */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The name of the live-token cache in {@link Changes} notices. */
    private static final String TOKENS = "tokens";

    private final Clock clock;
    private final AuditLog audit;
    private final Changes changes;
    /** Live tokens by their SHA-256: what a token gives and until when. */
    private final RecentlyRead<String, Live> live;

    TokenService(Clock clock, AuditLog audit, Changes changes) {
        this.clock = clock;
        this.audit = audit;
        this.changes = changes;
        this.live = new RecentlyRead<>(changes, TOKENS, 10_000, null);
    }

    private record Live(UserService.Access access, Instant expiresAt) {
    }

    /** A new token: its id and the token itself, shown this once. */
    public record Created(long id, String token) {
    }

    /** What the API shows of a token: never the token or its hash. */
    public record TokenView(long id, String name, String role, List<String> organisations, Instant expiresAt,
                            String createdBy, Instant createdAt, Instant revokedAt, Instant lastUsedAt) {
        static TokenView of(ApiToken t) {
            return new TokenView(t.id, t.name, t.role, Grants.parseStored(t.organisations).asList(), t.expiresAt,
                    t.createdBy, t.createdAt, t.revokedAt, t.lastUsedAt);
        }
    }

    @Transactional
    public Created create(String name, String role, String expiresAt, List<String> organisations, String createdBy) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw invalid("name is required, at most 100 characters: what the token is for, e.g. \"nightly upload\".");
        }
        if (role == null || !Roles.ALL.contains(role)) {
            throw invalid("role must be one of admin, pm, finance, viewer");
        }
        if (organisations == null && !Roles.ADMIN.equals(role)) {
            throw invalid("organisations is required: a list of ODS codes such as [\"QSL\"], or [\"*\"] for every organisation.");
        }
        Instant expiry = expiry(expiresAt);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken t = new ApiToken();
        t.name = name.strip();
        t.role = role;
        t.organisations = Roles.ADMIN.equals(role) ? Grants.ALL.stored() : Grants.fromList(organisations).stored();
        t.expiresAt = expiry;
        t.tokenSha256 = sha256(token);
        t.createdBy = createdBy;
        t.createdAt = Instant.now(clock);
        t.persist();
        audit.record(AuditAction.TOKEN_CREATE, null, "token=" + t.id + " role=" + role + " organisations="
                + t.organisations + " expires=" + expiry, "created");
        return new Created(t.id, token);
    }

    /** Revokes a token at once (204 again when already revoked); 404 when there is no such token. */
    @Transactional
    public void revoke(long id) {
        ApiToken t = ApiToken.findById(id);
        if (t == null) {
            throw ProblemException.notFound("There is no API token " + id + ".");
        }
        if (t.revokedAt == null) {
            t.revokedAt = Instant.now(clock);
            audit.record(AuditAction.TOKEN_REVOKE, null, "token=" + id, "revoked");
            changes.changed(TOKENS, null);
        }
    }

    /** Revokes every live token a user created; returns how many. */
    @Transactional
    int revokeAllOf(String username) {
        int count = ApiToken.update("revokedAt = ?1 where createdBy = ?2 and revokedAt is null", Instant.now(clock),
                username);
        changes.changed(TOKENS, null);
        return count;
    }

    @Transactional
    public List<TokenView> list() {
        return ApiToken.<ApiToken>list("order by id").stream().map(TokenView::of).toList();
    }

    /**
     * The access a token gives, when it is known, not revoked and not expired. Looked up in the database
     * (which notes when it was used) unless this instance keeps it as live (see {@link RecentlyRead}).
     */
    public Optional<UserService.Access> authenticate(String token) {
        Instant now = Instant.now(clock);
        return live.get(sha256(token), hash -> QuarkusTransaction.joiningExisting().call(() -> lookUp(hash, now)))
                .filter(l -> l.expiresAt().isAfter(now))
                .map(Live::access);
    }

    private Optional<Live> lookUp(String hash, Instant now) {
        ApiToken t = ApiToken.find("tokenSha256", hash).firstResult();
        if (t == null || t.revokedAt != null || !t.expiresAt.isAfter(now)) {
            return Optional.empty();
        }
        if (t.lastUsedAt == null || t.lastUsedAt.plus(LAST_USED_RESOLUTION).isBefore(now)) {
            t.lastUsedAt = now;
        }
        return Optional.of(new Live(new UserService.Access(principal(t), t.role, Grants.parseStored(t.organisations)),
                t.expiresAt));
    }

    /** How a token's actions are attributed in the audit trail and the import ledger. */
    static String principal(ApiToken t) {
        return "token:" + t.id;
    }

    private Instant expiry(String text) {
        if (text == null || text.isBlank()) {
            throw invalid("expiresAt is required: a date (YYYY-MM-DD, the token ends as that day starts, UK time) "
                    + "or an instant such as 2027-01-31T18:00:00Z.");
        }
        Instant expiry;
        try {
            expiry = text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ClockProducer.UK).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid("expiresAt must be a date (YYYY-MM-DD) or an instant such as 2027-01-31T18:00:00Z, not '"
                    + text + "'.");
        }
        if (!expiry.isAfter(Instant.now(clock))) {
            throw invalid("expiresAt is in the past: a token must expire in the future.");
        }
        return expiry;
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(422, "Invalid token", detail);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
