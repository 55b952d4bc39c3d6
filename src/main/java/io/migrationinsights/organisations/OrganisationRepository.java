package io.migrationinsights.organisations;

import io.migrationinsights.system.Changes;
import io.migrationinsights.system.ProblemException;
import io.migrationinsights.system.RecentlyRead;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

@ApplicationScoped
public class OrganisationRepository implements PanacheRepository<Organisation> {

    /** A well-formed ODS code. */
    public static final Pattern ODS_CODE = Pattern.compile(OdsCode.PATTERN);

    /** The name of the organisation cache in {@link Changes} notices. */
    private static final String ORGANISATIONS = "organisations";

    private final Changes changes;
    /** Organisations found, by ODS code: what every request naming one reads first. */
    private final RecentlyRead<String, Known> known;

    OrganisationRepository(Changes changes) {
        this.changes = changes;
        this.known = new RecentlyRead<>(changes, ORGANISATIONS, 10_000, null);
    }

    /** What a request needs to know of an organisation: its key and what the API shows of it. */
    record Known(long id, OrganisationView view) {
    }

    /** Called inside a transaction that creates or changes an organisation: once it commits, every instance reads them again. */
    void changed() {
        changes.changed(ORGANISATIONS, null);
    }

    public Optional<Organisation> findByOds(String odsCode) {
        return find("odsCode", odsCode).firstResultOptional();
    }

    /**
     * The organisation's id and view, read from the database unless this instance keeps it (until a change
     * commits on any instance, see {@link #changed}).
     */
    Optional<Known> known(String odsCode) {
        return known.get(odsCode, ods -> QuarkusTransaction.joiningExisting().call(
                () -> findByOds(ods).map(o -> new Known(o.id, OrganisationView.of(o)))));
    }

    /** Whether an organisation has this ODS code. */
    public boolean exists(String odsCode) {
        return known(odsCode).isPresent();
    }

    /** The id of the organisation, or the same 404 (400 when the code is malformed) as {@link #require}. */
    public long requireId(String odsCode) {
        return requireKnown(odsCode).id();
    }

    /** As {@link #known}, or the same 404 (400 when the code is malformed) as {@link #require}. */
    Known requireKnown(String odsCode) {
        checkCode(odsCode);
        return known(odsCode).orElseThrow(() -> unknown(odsCode));
    }

    /** The organisation, or a 404 problem naming the code (400 when the code is malformed). */
    public Organisation require(String odsCode) {
        checkCode(odsCode);
        return findByOds(odsCode).orElseThrow(() -> unknown(odsCode));
    }

    /**
     * The one answer for an organisation that does not exist or is not the
     * caller's (CONTRACT section 7: the two must not be told apart).
     */
    public static ProblemException unknown(String odsCode) {
        return ProblemException.notFound("There is no organisation with ODS code " + odsCode
                + " that you may use. An admin creates organisations (PUT /api/organisations/" + odsCode
                + ") and grants them to users.");
    }

    /**
     * The organisation locked for update, so that two imports (or two instances)
     * working on the same organisation run one after the other.
     */
    public Organisation requireLocked(String odsCode) {
        Organisation org = require(odsCode);
        getEntityManager().lock(org, LockModeType.PESSIMISTIC_WRITE);
        return org;
    }

    public List<Organisation> listByCode() {
        return list("order by odsCode");
    }

    public static void checkCode(String odsCode) {
        if (odsCode == null || !ODS_CODE.matcher(odsCode).matches()) {
            throw ProblemException.badRequest("'" + odsCode + "' " + OdsCode.MESSAGE);
        }
    }
}
