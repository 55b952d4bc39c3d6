package io.migrationinsights.organisations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

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
}
