package io.migrationinsights.system;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Typed configuration of the service; keys under {@code insights.}. */
@ConfigMapping(prefix = "insights")
public interface InsightsConfig {

    /** Folder of the embedded database and the generated admin password (INSIGHTS_DATA_DIR). */
    @WithDefault("./data")
    Path dataDir();

    /** Password of the bootstrap admin (INSIGHTS_ADMIN_PASSWORD); generated when absent. */
    Optional<String> adminPassword();

    @WithName("import")
    Import importing();

    Demo demo();

    ClockSetting clock();

    Security security();

    Metrics metrics();

    Returns returns();

    Mail mail();

    Changes changes();

    /** How instances on one PostgreSQL database tell each other what changed ({@link io.migrationinsights.system.Changes}). */
    interface Changes {
        /**
         * How long the listening connection waits before it connects again after it was lost (or could not
         * connect); it doubles up to a minute. Meanwhile nothing is served from memory, so this costs speed,
         * never correctness.
         */
        @WithDefault("1s")
        Duration reconnectWait();
    }

    /** Due dates and the scheduled notices of the monthly return (CONTRACT section 8). */
    interface Returns {
        /**
         * A return is due on this working day after the end of its period (1 = the first working day
         * after it). Working days: Monday to Friday except bank holidays in England and Wales
         * ({@link WorkingDays}). The reminder goes two working days before.
         */
        @WithDefault("10")
        int dueWorkingDay();

        /**
         * When the notices job runs (a Quartz cron expression, UK time): every day at 06:00. On the first
         * working day of a month it records each organisation's draft for the month just ended and mails
         * that it is ready; two working days before the due date it reminds; a run that finds a notice not
         * yet recorded (the service was down, the database failed) records it then. {@code off} never
         * schedules it (the tests call the job themselves).
         */
        @WithDefault("0 0 6 * * ?")
        String noticeSchedule();
    }

    /** Delivery of mail (the SMTP server itself is quarkus.mailer.*). */
    interface Mail {
        /** How often a failed send is tried again before it is given up and logged. */
        @WithDefault("5")
        int retries();

        /** The wait before the first retry; it doubles up to {@code max-backoff}. */
        @WithDefault("10s")
        Duration backoff();

        /** The longest wait between two tries. */
        @WithDefault("5m")
        Duration maxBackoff();
    }

    /** Upload limits and batching of CSV imports. */
    interface Import {
        /** Largest accepted upload; larger ones are answered 413. */
        @WithDefault("512M")
        MemorySize maxUploadSize();

        /** Longest accepted cell in characters; longer ones are refused by row. */
        @WithDefault("4000")
        int maxFieldLength();

        /** Rows per JDBC batch on H2 (PostgreSQL streams the rows with COPY). */
        @WithDefault("1000")
        int batchSize();

        /** How long an import waits for another import of the same organisation to finish before 409. */
        @WithDefault("30s")
        Duration lockWait();
    }

    /** Sign-in sessions and brute-force throttling. */
    interface Security {
        /**
         * HTTP Basic signs in on every request: a sign-in starts a new session
         * (audited, shown as lastSignInAt) when the previous one began longer ago than this.
         */
        @WithDefault("30m")
        Duration session();

        @WithName("sign-in")
        SignIn signIn();

        /**
         * Failed sign-ins are counted per user name and per client address within
         * {@code window}; at the limit further attempts are refused (429, Retry-After)
         * for {@code lockout}, short so the real user is not locked out for long.
         */
        interface SignIn {
            /** Failed sign-ins of one user name before its lockout. */
            @WithDefault("5")
            int maxFailuresPerUser();

            /** Failed sign-ins from one client address (any user names) before its lockout. */
            @WithDefault("20")
            int maxFailuresPerAddress();

            /** How long failures are counted. */
            @WithDefault("15m")
            Duration window();

            /** How long a user name or address is refused once at the limit. */
            @WithDefault("1m")
            Duration lockout();
        }
    }

    /** The synthetic demo organisation. */
    interface Demo {
        /** Load the demo organisation into an empty database at first start. */
        @WithDefault("true")
        boolean enabled();
    }

    /** The service's clock. */
    interface ClockSetting {
        /** Stops the clock at this instant (ISO-8601); set under %test only, so tests do not drift with the calendar. */
        Optional<Instant> fixed();
    }

    /** The Prometheus headline gauges. */
    interface Metrics {
        /**
         * How often the headline gauges are recomputed: a duration with its unit,
         * such as {@code 60s} or {@code 5m}. The scheduler reads the key itself
         * ({@code @Scheduled(every = "${insights.metrics.gauge-refresh}")} in
         * HeadlineGauges); declaring it here documents it and checks it at start.
         */
        @WithDefault("60s")
        Duration gaugeRefresh();
    }
}
