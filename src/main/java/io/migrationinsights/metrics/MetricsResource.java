package io.migrationinsights.metrics;

import io.migrationinsights.audit.AuditLog;
import io.migrationinsights.organisations.OdsCode;
import io.migrationinsights.organisations.OrganisationRepository;
import io.migrationinsights.system.ApiDocument;
import io.migrationinsights.system.Months;
import io.migrationinsights.system.ProblemException;
import io.migrationinsights.users.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The metric read endpoints of CONTRACT section 4 and the additions documented
 * in the README; the decommissioning tracker is {@link DecommissioningResource}.
 * Translates HTTP only.
 */
@Path("/api/organisations/{ods}/metrics")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE, Roles.VIEWER})
@Tag(name = ApiDocument.METRICS)
public class MetricsResource {

    /** Longest registrations range served in one answer (100 years). */
    static final long MAX_MONTHS = 1200;

    /** What a required date parameter says when it is missing, after its name. */
    static final String REQUIRED_DATE = "is required: a date as YYYY-MM-DD, for example 2026-03-31.";

    private final OrganisationRepository organisations;
    private final RegistrationMetrics registrations;
    private final MigrationMetrics migration;
    private final ServiceDeskMetrics serviceDesk;
    private final SavingsMetrics savings;
    private final BenefitMetrics benefits;
    private final InactivityRiskMetrics inactivity;
    private final AuditLog audit;
    private final GoLiveMetrics goLive;
    private final Clock clock;

    MetricsResource(OrganisationRepository organisations, RegistrationMetrics registrations, MigrationMetrics migration,
                    ServiceDeskMetrics serviceDesk, SavingsMetrics savings, BenefitMetrics benefits,
                    InactivityRiskMetrics inactivity, GoLiveMetrics goLive,
                    AuditLog audit, Clock clock) {
        this.organisations = organisations;
        this.registrations = registrations;
        this.migration = migration;
        this.serviceDesk = serviceDesk;
        this.savings = savings;
        this.benefits = benefits;
        this.inactivity = inactivity;
        this.audit = audit;
        this.goLive = goLive;
        this.clock = clock;
    }

    /** Answer of {@code GET metrics/accounts-needed}. */
    public record AccountsNeeded(YearMonth period, long accountsNeededNextMonth) {
    }

    @GET
    @Path("registrations")
    @Operation(operationId = "getRegistrations",
            summary = "Registrations per month, from..to inclusive, months without accounts included",
            description = "created = NHSmail accounts with created_date in the month; registered = accounts with "
                    + "registered_date in the month; cumulativeRegistered = accounts with registered_date on or before "
                    + "the month's last day. Accounts with status deleted count nowhere. from and to (YYYY-MM) are required.")
    @APIResponse(responseCode = "200", description = "One row per month, from..to.")
    public List<MonthRegistrations> registrations(@PathParam("ods") @OdsCode String ods,
            @QueryParam("from") @NotNull(message = Months.REQUIRED) YearMonth from,
            @QueryParam("to") @NotNull(message = Months.REQUIRED) YearMonth to) {
        Months.requireOrdered("from", from, "to", to);
        if (ChronoUnit.MONTHS.between(from, to) >= MAX_MONTHS) {
            throw ProblemException.badRequest("from..to spans more than " + MAX_MONTHS + " months: ask for a shorter range.");
        }
        return registrations.registrations(organisationId(ods), from, to);
    }

    @GET
    @Path("accounts-needed")
    @Operation(operationId = "getAccountsNeeded",
            summary = "Accounts needed next month for a return period",
            description = "Distinct active staff with an appointment dated in the month after period (any outcome) "
                    + "and no NHSmail account (not deleted) created on or before the last day of period (YYYY-MM, required).")
    @APIResponse(responseCode = "200", description = "The count for the period.")
    public AccountsNeeded accountsNeeded(@PathParam("ods") @OdsCode String ods,
            @QueryParam("period") @NotNull(message = Months.REQUIRED) YearMonth period) {
        return new AccountsNeeded(period, registrations.accountsNeededNextMonth(organisationId(ods), period));
    }

    @GET
    @Path("migration")
    @Operation(operationId = "getMigrationProgress",
            summary = "Migration progress and wash-up, optionally as of a date",
            description = "inScope = active staff with at least one appointment (the whole planned cohort, whatever asOf); "
                    + "migrated = in-scope staff with an appointment whose outcome is migrated; outstanding = inScope - migrated; "
                    + "perDay = per date with appointments, planned = its appointments (any phase, any outcome) and "
                    + "migrated = its migrated appointments; perSite / perBusinessUnit / perUserType = inScope and "
                    + "migrated by the staff record's site, business unit and user_type; unscheduled = in-scope staff not "
                    + "migrated as of asOf with no appointment dated after it (nobody will migrate them unless someone "
                    + "acts; without asOf: not migrated at all). Wash-up (in-scope staff): unavailableOnDesignatedDay = "
                    + "staff with a pilot, vip or rollout appointment whose outcome is unavailable; washupMigrated = staff with a washup "
                    + "appointment whose outcome is migrated; washupOutstanding = unavailable staff with no migrated "
                    + "appointment at all. With asOf (YYYY-MM-DD) only appointments dated on or before it count towards "
                    + "migrated, perDay (planned included), unscheduled and wash-up.")
    @APIResponse(responseCode = "200", description = "Progress and wash-up.")
    public MigrationProgress migration(@PathParam("ods") @OdsCode String ods, @QueryParam("asOf") LocalDate asOf) {
        return migration.migration(organisationId(ods), asOf);
    }

    @GET
    @Path("go-live")
    @Operation(operationId = "getGoLive",
            summary = "Each site's go-live and its callers' ticket rates before and after it",
            description = "goLive = the earliest date of a migrated appointment among in-scope staff whose staff record "
                    + "has the site (sites without one are left out); inScope = the site's in-scope staff. A ticket belongs "
                    + "to the site of its caller's staff record (staff_id); tickets without a known caller belong to no "
                    + "site. ticketsBefore = tickets opened (UK date) in the `before` days (default 28) ending the day "
                    + "before go-live; ticketsAfter = tickets opened from go-live through go-live + `after` - 1 (default "
                    + "14 days); beforePerDay / afterPerDay = those counts / days, half-up to 2 decimals; changePercent = "
                    + "(after - before) / before x 100 from the unrounded rates, half-up to 1 decimal, null when before "
                    + "is 0; migrationRelatedAfter = tickets of the after window flagged migration related. Windows are "
                    + "whole days from 1 to 366 (400 otherwise). Ordered by go-live date, then site.")
    @APIResponse(responseCode = "200", description = "One row per site with a go-live date.")
    public List<GoLive> goLive(@PathParam("ods") @OdsCode String ods, @QueryParam("before") String before,
                               @QueryParam("after") String after) {
        int beforeDays = window("before", before, GoLiveMetrics.DEFAULT_BEFORE);
        int afterDays = window("after", after, GoLiveMetrics.DEFAULT_AFTER);
        return goLive.goLive(organisationId(ods), beforeDays, afterDays);
    }

    /** A go-live window: whole days from 1 to {@link GoLiveMetrics#MAX_WINDOW}; {@code fallback} when absent. */
    private static int window(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String v = value.trim();
        if (v.matches("\\d{1,9}")) {
            int days = Integer.parseInt(v);
            if (days >= 1 && days <= GoLiveMetrics.MAX_WINDOW) {
                return days;
            }
        }
        throw ProblemException.badRequest("'" + value + "' is not a window for '" + name + "': give a whole number "
                + "of days from 1 to " + GoLiveMetrics.MAX_WINDOW + ", for example " + fallback + ".");
    }

    @GET
    @Path("service-desk")
    @Operation(operationId = "compareServiceDesk",
            summary = "Service desk: a baseline window of months against a comparison window",
            description = "Each window runs fromMonth..toMonth inclusive (all four parameters YYYY-MM, required). "
                    + "A ticket belongs to the window holding the UK calendar date of its opened_at. "
                    + "baselinePerMonth / comparisonPerMonth = tickets opened in the window / months in the window, "
                    + "half-up to 2 decimals; reductionPercent = (baseline - comparison) / baseline x 100 from the "
                    + "unrounded rates, half-up to 1 decimal, null when the baseline is 0; the same per category in "
                    + "byCategory (every category, zero rows included). migrationRelated = tickets flagged migration "
                    + "related; floorwalkerResolved = tickets of channel floorwalker; medianHoursToResolve = median "
                    + "elapsed hours from opened_at to resolved_at of the resolved tickets (mean of the two middle values "
                    + "when even), 2 decimals, null when none; each for both windows.")
    @APIResponse(responseCode = "200", description = "The two windows compared.")
    public ServiceDeskComparison serviceDesk(@PathParam("ods") @OdsCode String ods,
            @QueryParam("baselineFrom") @NotNull(message = Months.REQUIRED) YearMonth baselineFrom,
            @QueryParam("baselineTo") @NotNull(message = Months.REQUIRED) YearMonth baselineTo,
            @QueryParam("comparisonFrom") @NotNull(message = Months.REQUIRED) YearMonth comparisonFrom,
            @QueryParam("comparisonTo") @NotNull(message = Months.REQUIRED) YearMonth comparisonTo) {
        return serviceDesk.compare(organisationId(ods), baselineFrom, baselineTo, comparisonFrom, comparisonTo);
    }

    @GET
    @Path("savings")
    @Operation(operationId = "getSavings",
            summary = "Savings as of a date, split cashable / non-cashable",
            description = "asOf (YYYY-MM-DD) is required. Monthly amount = amount (monthly) or amount / 12 (annual). Full "
                    + "months from a to b = (b.year - a.year) x 12 + (b.month - a.month), minus 1 if b.day < a.day, "
                    + "never below 0. costAvoided = cost_avoided lines with start_date <= asOf (a recurring one accrues "
                    + "monthly amount x full months from start_date to min(asOf, end_date)); projectCost = one_off "
                    + "project_cost lines with start_date <= asOf plus recurring ones accrued the same way; "
                    + "legacyRunningSaved = recurring legacy_running_cost lines whose end_date is before asOf: monthly "
                    + "amount x full months from end_date to asOf; newRunningCost = new_running_cost lines accrued like "
                    + "project costs; netSaving = costAvoided + legacyRunningSaved - projectCost - newRunningCost. "
                    + "Every figure is its exact sum rounded once, half-up, to 2 decimals (pounds).")
    @APIResponse(responseCode = "200", description = "The savings as of asOf.")
    public Savings savings(@PathParam("ods") @OdsCode String ods,
                           @QueryParam("asOf") @NotNull(message = REQUIRED_DATE) LocalDate asOf) {
        return savings.savings(organisationId(ods), asOf);
    }

    @GET
    @Path("benefits")
    @Operation(operationId = "getBenefitStatus",
            summary = "Benefit RAG status of every benefit as of a date (default today)",
            description = "From the latest measurement on or before asOf: green when it meets the target in the "
                    + "benefit's direction (at or above for increase, at or below for decrease); amber when it has moved at "
                    + "least half way from baseline to target; red otherwise; grey with no measurement.")
    @APIResponse(responseCode = "200", description = "Every benefit with its RAG status.")
    public List<BenefitStatus> benefits(@PathParam("ods") @OdsCode String ods, @QueryParam("asOf") LocalDate asOf) {
        return benefits.rag(organisationId(ods), asOf != null ? asOf : LocalDate.now(clock));
    }

    @GET
    @Path("inactivity-risk")
    @Operation(operationId = "getInactivityRisk",
            summary = "Accounts at risk of going inactive before go-live, as of a date (default today)",
            description = "NHSmail accounts (not deleted) created but not registered whose inactivity point, "
                    + "created_date + 30 days, falls strictly before the holder's next appointment (the earliest "
                    + "appointment dated on or after asOf, any outcome). Members (staff id, name, address) only for pm "
                    + "and admin; other roles get the count.")
    @APIResponse(responseCode = "200", description = "The accounts at risk (members for pm and admin).")
    public InactivityRisk inactivityRisk(@PathParam("ods") @OdsCode String ods, @QueryParam("asOf") LocalDate asOf) {
        return inactivity.atRisk(organisationId(ods), asOf != null ? asOf : LocalDate.now(clock),
                audit.personalDataShown(ods, "inactivity-risk"));
    }

    private long organisationId(String ods) {
        return organisations.requireId(ods);
    }
}
