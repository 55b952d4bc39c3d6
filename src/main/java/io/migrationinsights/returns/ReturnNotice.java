package io.migrationinsights.returns;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A notice of the scheduled job, at most one per organisation, period and kind (V9, return_notice). */
@Entity
@Table(name = "return_notice")
public class ReturnNotice {

    /** What the notice says. */
    public enum Kind {
        /** The month has ended: the draft is recorded and ready to check, with its due date. */
        READY,
        /** Two working days before the due date, the period is not final yet. */
        REMINDER;

        /** As stored and shown: lower case. */
        public String column() {
            return name().toLowerCase();
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "organisation_id")
    public Long organisationId;

    public String period;

    /** {@link Kind#column()}: ready or reminder. */
    public String kind;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "figures_sha256")
    public String figuresSha256;

    /** The draft's figures as recorded: the canonical CSV (code,value per line). */
    public String figures;

    public int recipients;

    @Column(name = "recorded_at")
    public Instant recordedAt;

}
