package io.migrationinsights.security;

import io.migrationinsights.organisations.OrganisationRepository;
import io.migrationinsights.system.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * The one place that keeps callers to their organisations (CONTRACT section 7):
 * every endpoint with an {@code {ods}} path parameter answers 404, exactly as
 * for an unknown code, when the organisation is not granted to the caller or
 * does not exist. So nothing tells a caller which organisations exist, and
 * endpoints added later are covered without a line of their own. The same
 * holds for every code of an {@code ods} query parameter (a comma-separated
 * list, as the return roll-up takes). Malformed codes pass on to the
 * endpoint's 400; anonymous callers to its 401.
 */
public class OrganisationAccessFilter {

    private final SecurityIdentity identity;
    private final OrganisationRepository organisations;

    OrganisationAccessFilter(SecurityIdentity identity, OrganisationRepository organisations) {
        this.identity = identity;
        this.organisations = organisations;
    }

    @ServerRequestFilter
    public Optional<Response> keepToGrantedOrganisations(UriInfo uri, SimpleResourceInfo resource) {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        String ods = uri.getPathParameters().getFirst("ods");
        if (ods != null && OrganisationRepository.ODS_CODE.matcher(ods).matches()) {
            boolean creates = resource.getMethodName() != null && creates(resource);
            if (!Grants.of(identity).allows(ods) || (!creates && !organisations.exists(ods))) {
                return notFound(ods);
            }
        }
        // the codes an endpoint across organisations is narrowed to (?ods=A,B, the return roll-up)
        for (String list : uri.getQueryParameters().getOrDefault("ods", List.of())) {
            for (String code : list.split(",")) {
                String c = code.strip();
                if (OrganisationRepository.ODS_CODE.matcher(c).matches()
                        && (!Grants.of(identity).allows(c) || !organisations.exists(c))) {
                    return notFound(c);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Response> notFound(String ods) {
        Problem p = OrganisationRepository.unknown(ods).toProblem();
        return Optional.of(Response.status(404).type(Problem.MEDIA_TYPE).entity(p).build());
    }

    private static boolean creates(SimpleResourceInfo resource) {
        try {
            return resource.getResourceClass().getMethod(resource.getMethodName(), resource.parameterTypes())
                    .isAnnotationPresent(CreatesOrganisation.class);
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
