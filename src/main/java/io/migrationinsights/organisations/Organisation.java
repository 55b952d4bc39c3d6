package io.migrationinsights.organisations;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An NHS organisation, named by its ODS code; owns every dataset, metric and return. */
@Entity
@Table(name = "organisation")
public class Organisation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "ods_code")
    public String odsCode;

    public String name;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Who receives the return by mail (personal data: never logged beyond a count). */
    @ElementCollection
    @CollectionTable(name = "organisation_return_recipient", joinColumns = @JoinColumn(name = "organisation_id"))
    @OrderColumn(name = "position")
    @Column(name = "email")
    public List<String> returnRecipients = new ArrayList<>();
}
