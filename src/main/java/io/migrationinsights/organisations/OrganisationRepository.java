package io.migrationinsights.organisations;

import io.migrationinsights.system.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

@ApplicationScoped
public class OrganisationRepository implements PanacheRepository<Organisation> {

    /** A well-formed ODS code. */
    public static final Pattern ODS_CODE = Pattern.compile(OdsCode.PATTERN);

    public Optional<Organisation> findByOds(String odsCode) {
        return find("odsCode", odsCode).firstResultOptional();
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
