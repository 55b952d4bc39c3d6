/**
 * The single home of every figure of CONTRACT section 3, and the JSON read
 * API over it. Every output (JSON, workbooks, charts, dashboard, Prometheus
 * gauges) reads these classes; aggregation runs in SQL that works on H2
 * (PostgreSQL mode) and PostgreSQL alike.
 *
 * <p>One class per definition: {@link io.migrationinsights.metrics.RegistrationMetrics},
 * {@link io.migrationinsights.metrics.MigrationMetrics},
 * {@link io.migrationinsights.metrics.ServiceDeskMetrics},
 * {@link io.migrationinsights.metrics.SavingsMetrics},
 * {@link io.migrationinsights.metrics.ReconciliationMetrics},
 * {@link io.migrationinsights.metrics.BenefitMetrics},
 * {@link io.migrationinsights.metrics.GoLiveMetrics},
 * {@link io.migrationinsights.metrics.DecommissioningHistory}, and the additions
 * {@link io.migrationinsights.metrics.DecommissioningMetrics},
 * {@link io.migrationinsights.metrics.InactivityRiskMetrics} and
 * {@link io.migrationinsights.metrics.HeadlineGauges}. The benefits report reads
 * the migration timeline (completion date), tickets per month, benefit
 * measurements, savings per finance line and cumulative by month, all here.
 *
 * <p>Readings where the contract leaves room (also stated in the OpenAPI descriptions):
 * <ul>
 * <li>Service desk: a ticket belongs to the window holding the UK calendar date
 * of opened_at (fixed at import); migrationRelated, floorwalkerResolved (channel
 * floorwalker, resolved or not, as the contract defines it) and the median are
 * over the tickets opened in the window. byCategory lists all eleven contract
 * categories, zero rows included. Half-up on a negative reduction (an increase)
 * rounds away from zero (Java's HALF_UP).</li>
 * <li>Savings: a one_off new_running_cost line counts like a one_off project
 * cost (in full once started); a one_off legacy_running_cost line has no monthly
 * amount and saves nothing; a recurring cost_avoided line stops accruing at its
 * end_date like a running cost. Negative figures round half-up away from zero.</li>
 * <li>Reconciliation: classes may overlap; staff classes list one member per
 * person, account classes one per account; leaver_with_active_legacy_account
 * lists each active legacy mailbox linked to a leaver by staff_id. Members go
 * only to pm and admin; other roles get {@code membersIncluded=false} and no
 * {@code members} key.</li>
 * <li>Benefit RAG: green and amber include the boundary (meeting the target,
 * exactly half way). Progress % = (value - baseline) / (target - baseline) x 100.</li>
 * <li>Migration completion date: the last migrated appointment of any staff
 * record and phase, as CONTRACT section 4 says (not only in-scope staff).</li>
 * <li>Break-even month: the month after the last negative cumulative net saving.</li>
 * <li>Inactivity risk: "next appointment" is the earliest dated on or after the
 * as-of date, any outcome; "before" is strict.</li>
 * <li>Decommissioning: the date is a per-organisation override (PUT
 * metrics/decommissioning/date) or else the latest legacy_running_cost end_date;
 * exceptions are recorded per mailbox with reason, optional keep-until date,
 * approver and time (V3 tables).</li>
 * <li>Cohorts: perDay lists every date with an appointment on or before asOf
 * (planned &gt; 0, migrated possibly 0); planned counts every appointment of the
 * day, in scope or not, as migrated does. Without asOf, unscheduled is the
 * in-scope staff never migrated. An appointment dated on asOf is not "after"
 * it: someone whose only appointment is that day and who was not migrated is
 * unscheduled.</li>
 * <li>Go-live: a ticket belongs to the site of its caller's staff record
 * whatever the caller's employment status (a leaver's ticket still counts for
 * their site); sites are compared by the staff record's text, as perSite
 * groups them. The before window is never shortened: a site that went live on
 * the first day of the data has 0 tickets before and changePercent null.
 * Half-up on a fall rounds away from zero.</li>
 * <li>Decommissioning history: an upload with the same bytes as the latest
 * legacy-accounts import is no new import and adds no point; an accepted empty
 * export ({@code ?allowEmpty=true}) adds a point of 0.</li>
 * </ul>
 */
package io.migrationinsights.metrics;
