package io.migrationinsights.metrics;

import io.migrationinsights.audit.AuditAction;
import io.migrationinsights.audit.AuditLog;
import io.migrationinsights.organisations.OrganisationRepository;
import io.migrationinsights.system.ProblemException;
import io.migrationinsights.users.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The metric read endpoints of CONTRACT section 4 and the additions documented in the README. Translates HTTP only. */
@Path("/api/organisations/{ods}/metrics")
@Produces(MediaType.APPLICATION_JSON)
public class MetricsResource {

    /** Longest registrations range served in one answer (100 years). */
    static final long MAX_MONTHS = 1200;

    private final OrganisationRepository organisations;
    private final RegistrationMetrics registrations;
    private final MigrationMetrics migration;
    private final ServiceDeskMetrics serviceDesk;
    private final SavingsMetrics savings;
    private final BenefitMetrics benefits;
    private final DecommissioningMetrics decommissioning;
    private final InactivityRiskMetrics inactivity;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final AuditLog audit;

    MetricsResource(OrganisationRepository organisations, RegistrationMetrics registrations, MigrationMetrics migration,
                    ServiceDeskMetrics serviceDesk, SavingsMetrics savings, BenefitMetrics benefits,
                    DecommissioningMetrics decommissioning, InactivityRiskMetrics inactivity,
                    SecurityIdentity identity, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.organisations = organisations;
        this.registrations = registrations;
        this.migration = migration;
        this.serviceDesk = serviceDesk;
        this.savings = savings;
        this.benefits = benefits;
        this.decommissioning = decommissioning;
        this.inactivity = inactivity;
        this.identity = identity;
        this.clock = clock;
    }

    /** Body of {@code PUT metrics/decommissioning/date}. */
    public record DateRequest(String date) {
    }

    /** Body of {@code PUT metrics/decommissioning/exceptions/{account}}. */
    public record ExceptionRequest(String reason, String keepUntil) {
    }

    /** Answer of {@code GET metrics/accounts-needed}. */
    public record AccountsNeeded(YearMonth period, long accountsNeededNextMonth) {
    }

    @GET
    @Path("registrations")
    @RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE, Roles.VIEWER})
    @Operation(summary = "Registrations per month, from..to inclusive, months without accounts included",
            description = "created = NHSmail accounts with created_date in the month; registered = accounts with "
                    + "registered_date in the month; cumulativeRegistered = accounts with registered_date on or before "
                    + "the month's last day. Accounts with status deleted count nowhere. from and to (YYYY-MM) are required.")
    public List<MonthRegistrations> registrations(@PathParam("ods") String ods, @QueryParam("from") String from,
                                                  @QueryParam("to") String to) {
        YearMonth first = Params.month("from", from);
        YearMonth last = Params.month("to", to);
        Params.ordered("from", first, "to", last);
        if (ChronoUnit.MONTHS.between(first, last) >= MAX_MONTHS) {
            throw ProblemException.badRequest("from..to spans more than " + MAX_MONTHS + " months: ask for a shorter range.");
        }
        return registrations.registrations(organisationId(ods), first, last);
    }

    @GET
    @Path("accounts-needed")
    @RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE, Roles.VIEWER})
    @Operation(summary = "Accounts needed next month for a return period",
            description = "Distinct active staff with an appointment dated in the month after period (any outcome) "
                    + "and no NHSmail account (not deleted) created on or before the last day of period (YYYY-MM, required).")
    public AccountsNeeded accountsNeeded(@PathParam("ods") String ods, @QueryParam("period") String period) {
        YearMonth month = Params.month("period", period);
        return new AccountsNeeded(month, registrations.accountsNeededNextMonth(organisationId(ods), month));
    }

    @GET
    @Path("migration")
    @RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE, Roles.VIEWER})
    @Operation(summary = "Migration progress and wash-up, optionally as of a date",
            description = "inScope = active staff with at least one appointment (the whole planned cohort, whatever asOf); "
                    + "migrated = in-scope staff with an appointment whose outcome is migrated; outstanding = inScope - migrated; "
                    + "perDay = migrated appointments per date; perSite / perBusinessUnit = inScope and migrated by the staff "
                    + "record's site and business unit. Wash-up (in-scope staff): unavailableOnDesignatedDay = staff with a "
                    + "pilot, vip or rollout appointment whose outcome is unavailable; washupMigrated = staff with a washup "
                    + "appointment whose outcome is migrated; washupOutstanding = unavailable staff with no migrated "
                    + "appointment at all. With asOf (YYYY-MM-DD) only appointments dated on or before it count towards "
                    + "migrated, perDay and wash-up.")
    public MigrationProgress migration(@PathParam("ods") String ods, @QueryParam("asOf") String asOf) {
        LocalDate date = Params.date("asOf", asOf, null);
        return migration.migration(organisationId(ods), date);
    }

    @GET
    @Path("service-desk")
    @RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE, Roles.VIEWER})
    @Operation(summary = "Service desk: a baseline window of months against a comparison window",
            description = "Each window runs fromMonth..toMonth inclusive (all four parameters YYYY-MM, required). "
                    + "A ticket belongs to the window holding the UK calendar date of its opened_at. "
                    + "baselinePerMonth / comparisonPerMonth = tickets opened in the window / months in the window, "
                    + "half-up to 2 decimals; reductionPercent = (baseline - comparison) / baseline x 100 from the "
                    + "unrounded rates, half-up to 1 decimal, null when the baseline is 0; the same per category in "
                    + "byCategory (every category, zero rows included). migrationRelated = tickets flagged migration "
                    + "related; floorwalkerResolved = tickets of channel floorwalker; medianHoursToResolve = median "
                    + "elapsed hours from opened_at to resolved_at of the resolved tickets (mean of the two middle values "
                    + "when even), 2 decimals, null when none; each for both windows.")
    public ServiceDeskComparison serviceDesk(@PathParam("ods") String ods,
                                             @QueryParam("baselineFrom") String baselineFrom,
                                             @QueryParam("baselineTo") String baselineTo,
                                             @QueryParam("comparisonFrom") String comparisonFrom,
                                             @QueryParam("comparisonTo") String comparisonTo) {
        YearMonth bf = Params.month("baselineFrom", baselineFrom);
        YearMonth bt = Params.month("baselineTo", baselineTo);
        YearMonth cf = Params.month("comparisonFrom", comparisonFrom);
        YearMonth ct = Params.month("comparisonTo", comparisonTo);
        Params.ordered("baselineFrom", bf, "baselineTo", bt);
        Params.ordered("comparisonFrom", cf, "comparisonTo", ct);
        return serviceDesk.compare(organisationId(ods), bf, bt, cf, ct);
    }

    @GET
    @Path("savings")
    @RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE, Roles.VIEWER})
    @Operation(summary = "Savings as of a date, split cashable / non-cashable",
            description = "asOf (YYYY-MM-DD) is required. Monthly amount = amount (monthly) or amount / 12 (annual). Full "
                    + "months from a to b = (b.year - a.year) x 12 + (b.month - a.month), minus 1 if b.day < a.day, "
                    + "never below 0. costAvoided = cost_avoided lines with start_date <= asOf (a recurring one accrues "
                    + "monthly amount x full months from start_date to min(asOf, end_date)); projectCost = one_off "
                    + "project_cost lines with start_date <= asOf plus recurring ones accrued the same way; "
                    + "legacyRunningSaved = recurring legacy_running_cost lines whose end_date is before asOf: monthly "
                    + "amount x full months from end_date to asOf; newRunningCost = new_running_cost lines accrued like "
                    + "project costs; netSaving = costAvoided + legacyRunningSaved - projectCost - newRunningCost. "
                    + "Every figure is its exact sum rounded once, half-up, to 2 decimals (pounds).")
    public Savings savings(@PathParam("ods") String ods, @QueryParam("asOf") String asOf) {
        LocalDate date = Params.date("asOf", asOf);
        return savings.savings(organisationId(ods), date);
    }

    @GET
    @Path("benefits")
    @RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE, Roles.VIEWER})
    @Operation(summary = "Benefit RAG status of every benefit as of a date (default today)",
            description = "From the latest measurement on or before asOf: green when it meets the target in the "
                    + "benefit's direction (at or above for increase, at or below for decrease); amber when it has moved at "
                    + "least half way from baseline to target; red otherwise; grey with no measurement.")
    public List<BenefitStatus> benefits(@PathParam("ods") String ods, @QueryParam("asOf") String asOf) {
        LocalDate date = Params.date("asOf", asOf, LocalDate.now(clock));
        return benefits.rag(organisationId(ods), date);
    }

    @GET
    @Path("inactivity-risk")
    @RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE, Roles.VIEWER})
    @Operation(summary = "Accounts at risk of going inactive before go-live, as of a date (default today)",
            description = "NHSmail accounts (not deleted) created but not registered whose inactivity point, "
                    + "created_date + 30 days, falls strictly before the holder's next appointment (the earliest "
                    + "appointment dated on or after asOf, any outcome). Members (staff id, name, address) only for pm "
                    + "and admin; other roles get the count.")
    public InactivityRisk inactivityRisk(@PathParam("ods") String ods, @QueryParam("asOf") String asOf) {
        LocalDate date = Params.date("asOf", asOf, LocalDate.now(clock));
        return inactivity.atRisk(organisationId(ods), date, mayReadMembers(ods, "inactivity-risk"));
    }

    @GET
    @Path("decommissioning")
    @RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE, Roles.VIEWER})
    @Operation(summary = "Legacy server decommissioning tracker, as of a date (default today)",
            description = "activeUserMailboxes = user mailboxes with status active on the legacy server; "
                    + "decommissioningDate = the date set with PUT metrics/decommissioning/date, otherwise the latest "
                    + "end_date of the legacy_running_cost finance lines (dateSource says which; none when neither); "
                    + "daysLeft = days from asOf to that date (negative once passed); onException / withoutException = "
                    + "active user mailboxes with / without an approved exception. Mailbox and exception lists only for "
                    + "pm and admin.")
    public Decommissioning decommissioning(@PathParam("ods") String ods, @QueryParam("asOf") String asOf) {
        LocalDate date = Params.date("asOf", asOf, LocalDate.now(clock));
        return decommissioning.tracker(organisationId(ods), date, mayReadMembers(ods, "decommissioning"));
    }

    @PUT
    @Path("decommissioning/date")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.PM})
    @Operation(summary = "Set the decommissioning date, overriding the finance lines",
            description = "Body {\"date\": \"YYYY-MM-DD\"}. Answers the tracker as of today.")
    public Decommissioning setDecommissioningDate(@PathParam("ods") String ods, DateRequest body) {
        LocalDate date = Params.date("date", body == null ? null : body.date());
        long id = organisationId(ods);
        decommissioning.setDate(id, date, user(), clock.instant());
        return decommissioning.tracker(id, LocalDate.now(clock), mayReadMembers(ods, "decommissioning"));
    }

    @DELETE
    @Path("decommissioning/date")
    @RolesAllowed({Roles.ADMIN, Roles.PM})
    @Operation(summary = "Remove the decommissioning date override (204; 404 when none was set)")
    public Response clearDecommissioningDate(@PathParam("ods") String ods) {
        if (!decommissioning.clearDate(organisationId(ods))) {
            throw ProblemException.notFound("No decommissioning date is set for " + ods
                    + ": the date already comes from the legacy_running_cost finance lines.");
        }
        return Response.noContent().build();
    }

    @PUT
    @Path("decommissioning/exceptions/{account}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.PM})
    @Operation(summary = "Approve an exception: a legacy mailbox may stay active after decommissioning (201 new, 200 replaced)",
            description = "Body {\"reason\": \"...\", \"keepUntil\": \"YYYY-MM-DD\" (optional)}. The reason is required. "
                    + "The approver and time are recorded.")
    public Response approveException(@PathParam("ods") String ods, @PathParam("account") String account,
                                     ExceptionRequest body) {
        if (body == null || body.reason() == null || body.reason().isBlank()) {
            throw ProblemException.badRequest("Give the reason for the exception: {\"reason\": \"...\"}.");
        }
        if (body.reason().length() > 2000) {
            throw ProblemException.badRequest("The reason is longer than 2000 characters.");
        }
        if (account.isBlank() || account.length() > 320) {
            throw ProblemException.badRequest("'" + account + "' is not a legacy mailbox account.");
        }
        LocalDate keepUntil = Params.date("keepUntil", body.keepUntil(), null);
        boolean created = decommissioning.approveException(organisationId(ods), account, body.reason().trim(), keepUntil,
                user(), clock.instant());
        return Response.status(created ? 201 : 200).build();
    }

    @DELETE
    @Path("decommissioning/exceptions/{account}")
    @RolesAllowed({Roles.ADMIN, Roles.PM})
    @Operation(summary = "Withdraw an exception (204; 404 when there is none)")
    public Response withdrawException(@PathParam("ods") String ods, @PathParam("account") String account) {
        if (!decommissioning.withdrawException(organisationId(ods), account)) {
            throw ProblemException.notFound("There is no approved exception for " + account + ".");
        }
        return Response.noContent().build();
    }

    private long organisationId(String ods) {
        return organisations.require(ods).id;
    }

    /** Whether the caller sees members (personal data); when it does, the view is audited. */
    private boolean mayReadMembers(String ods, String view) {
        boolean members = Roles.mayReadPersonalData(identity);
        if (members) {
            audit.record(AuditAction.PERSONAL_DATA_VIEW, ods, "view=" + view, "shown");
        }
        return members;
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
