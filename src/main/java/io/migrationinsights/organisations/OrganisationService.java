package io.migrationinsights.organisations;

import io.migrationinsights.system.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class OrganisationService {

    private final OrganisationRepository repository;
    private final Clock clock;

    OrganisationService(OrganisationRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** A saved organisation and whether this call created it. */
    public record Saved(OrganisationView organisation, boolean created) {
    }

    /** Creates or renames on behalf of the service itself (the demo loader). */
    @Transactional
    public Saved createOrRename(String odsCode, String name) {
        return createOrRename(odsCode, name, null, true);
    }

    /**
     * Creates (only when {@code mayCreate}: CONTRACT section 7, only admin creates organisations) or renames;
     * the caller has checked the code, the name and the addresses (see OrganisationResource).
     *
     * @param returnRecipients who receives the return by mail; null keeps the current list
     */
    @Transactional
    public Saved createOrRename(String odsCode, String name, List<String> returnRecipients, boolean mayCreate) {
        Organisation org = repository.findByOds(odsCode).orElse(null);
        boolean created = org == null;
        if (created && !mayCreate) {
            throw new ProblemException(403, "Forbidden", "Only an admin creates organisations. It needs the role admin.");
        }
        if (created) {
            org = new Organisation();
            org.odsCode = odsCode;
            org.createdAt = Instant.now(clock);
        }
        org.name = name.strip();
        if (returnRecipients != null) {
            org.returnRecipients.clear();
            returnRecipients.stream().map(String::strip).distinct().forEach(org.returnRecipients::add);
        }
        repository.persist(org);
        repository.changed();
        return new Saved(OrganisationView.of(org), created);
    }

    /** The organisation (404 when unknown), as kept in memory: see {@link OrganisationRepository#known}. */
    public OrganisationView get(String odsCode) {
        return repository.requireKnown(odsCode).view();
    }

    @Transactional
    public List<OrganisationView> list() {
        return repository.listByCode().stream().map(OrganisationView::of).toList();
    }

    /** Who receives the organisation's return by mail (empty when nobody), read in the caller's transaction. */
    @Transactional
    public List<String> returnRecipients(Organisation org) {
        return List.copyOf(Optional.ofNullable(org.returnRecipients).orElse(List.of()));
    }

    /** Every organisation by ODS code, for work done per organisation (read the returned entities' fields only). */
    @Transactional
    public List<Organisation> listEntities() {
        return repository.listByCode();
    }
}
