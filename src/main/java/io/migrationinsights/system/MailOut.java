package io.migrationinsights.system;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.StartupEvent;
import org.eclipse.microprofile.config.ConfigValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Sends mail through the SMTP server of {@code quarkus.mailer.*} without ever
 * blocking the caller: a failed send is tried again with a doubling wait
 * ({@code insights.mail.*}), then given up and logged. With no
 * {@code quarkus.mailer.host} configured nothing is sent and the log says so
 * once. Addresses are personal data: the log names how many, never which.
 */
@ApplicationScoped
public class MailOut {

    private static final Logger LOG = Logger.getLogger(MailOut.class);

    private final ReactiveMailer mailer;
    private final InsightsConfig.Mail config;
    private final boolean configured;

    @Inject
    MailOut(ReactiveMailer mailer, InsightsConfig config) {
        this(mailer, config.mail(), hostConfigured());
    }

    MailOut(ReactiveMailer mailer, InsightsConfig.Mail config, boolean configured) {
        this.mailer = mailer;
        this.config = config;
        this.configured = configured;
    }

    /**
     * Whether an SMTP host was configured (anywhere but the mailer's built-in default of localhost,
     * which on a server would silently send into nothing or fail every time).
     */
    static boolean hostConfigured() {
        ConfigValue host = ConfigProvider.getConfig().getConfigValue("quarkus.mailer.host");
        return host.getValue() != null && !host.getValue().isBlank() && host.getSourceName() != null
                && !host.getSourceName().toLowerCase().contains("default");
    }

    /** Says once, at start, that no mail will be sent. */
    void onStart(@Observes StartupEvent event) {
        if (!configured) {
            LOG.info("No SMTP host is configured (quarkus.mailer.host): returns and notices are not mailed.");
        }
    }

    /** Whether mail can go at all. */
    public boolean enabled() {
        return configured;
    }

    /**
     * Sends in the background; returns at once.
     *
     * @param what what the mail is, for the log (no personal data): "return X26 2026-03 v1"
     */
    public void send(Mail mail, String what) {
        int recipients = mail.getTo().size() + mail.getCc().size() + mail.getBcc().size();
        if (recipients == 0) {
            return;
        }
        if (!configured) {
            LOG.debugf("Not sent (no SMTP host): %s", what);
            return;
        }
        mailer.send(mail)
                .onFailure().invoke(e -> LOG.warnf("Sending %s to %d recipient(s) failed (%s); trying again.", what,
                        recipients, e.getClass().getSimpleName()))
                .onFailure().retry().withBackOff(config.backoff(), config.maxBackoff()).atMost(config.retries())
                .subscribe().with(
                        ok -> LOG.infof("Sent %s to %d recipient(s).", what, recipients),
                        e -> LOG.errorf("Gave up sending %s to %d recipient(s) after %d retries: %s", what, recipients,
                                config.retries(), e.getClass().getSimpleName()));
    }
}
