package io.migrationinsights.faults;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;

/** Generated upload files for the harnesses, written once into target/faults/files and reused. */
final class Files200k {

    static final Path DIR = Path.of("target", "faults", "files");
    private static final String[] STATUS = {"active", "active", "active", "inactive", "pending", "locked"};

    private Files200k() {
    }

    /**
     * An NHSmail accounts export of {@code rows} rows; {@code variant} shifts every created date, so two
     * variants are different snapshots with different figures (registrations per month).
     */
    static Path nhsmail(int rows, int variant) {
        return write("nhsmail-" + rows + "-" + variant + ".csv", out -> {
            out.write("email,external_sync_id,created_date,registered_date,status\n");
            LocalDate base = LocalDate.of(2019, 1, 7).plusDays(variant * 31L);
            for (int i = 1; i <= rows; i++) {
                LocalDate created = base.plusDays(i % 1500);
                out.write("u" + variant + "x" + i + "@nhs.net,F" + i + "," + created + ","
                        + (i % 5 == 0 ? "" : created.plusDays(i % 9).toString()) + "," + STATUS[i % STATUS.length] + "\n");
            }
        });
    }

    static Path staff(int rows, int variant) {
        return write("staff-" + rows + "-" + variant + ".csv", out -> {
            out.write("staff_id,first_name,last_name,email,business_unit,site,user_type,employment_status,leave_date\n");
            for (int i = 1; i <= rows; i++) {
                out.write("S" + i + ",First" + i + ",Last" + variant + ",s" + i + "@example.nhs.uk,Unit" + (i % 9)
                        + ",Site" + (i % 12) + ",standard," + (i % 30 == 0 ? "leaver,2026-01-31" : "active,") + "\n");
            }
        });
    }

    static Path legacy(int rows, int variant) {
        return write("legacy-" + rows + "-" + variant + ".csv", out -> {
            out.write("account,staff_id,mailbox_type,status,mailbox_size_mb,last_logon,owner_staff_id\n");
            for (int i = 1; i <= rows; i++) {
                out.write("legacy" + variant + "-" + i + ",S" + i + ",user," + (i % 10 == 0 ? "disabled" : "active")
                        + "," + (i % 4000) + ",2026-01-0" + (1 + i % 9) + ",\n");
            }
        });
    }

    static Path appointments(int rows, int variant) {
        return write("appointments-" + rows + "-" + variant + ".csv", out -> {
            out.write("staff_id,site,phase,appointment_date,outcome\n");
            for (int i = 1; i <= rows; i++) {
                out.write("S" + i + ",Site" + (i % 12) + ",rollout," + LocalDate.of(2026, 3, 2).plusDays(i % 25 + variant)
                        + "," + (i % 14 == 0 ? "unavailable" : "migrated") + "\n");
            }
        });
    }

    static Path tickets(int rows, int variant) {
        return write("tickets-" + rows + "-" + variant + ".csv", out -> {
            out.write("ticket_id,opened_at,resolved_at,category,channel,migration_related,staff_id\n");
            for (int i = 1; i <= rows; i++) {
                out.write("T" + variant + "-" + i + ",2026-03-" + String.format(Locale.ROOT, "%02d", 1 + i % 28)
                        + " 09:00,,password_reset,phone," + (i % 2 == 0 ? "yes" : "no") + ",S" + i + "\n");
            }
        });
    }

    interface Body {
        void write(BufferedWriter out) throws IOException;
    }

    private static synchronized Path write(String name, Body body) {
        Path file = DIR.resolve(name);
        if (Files.exists(file)) {
            return file;
        }
        try {
            Files.createDirectories(DIR);
            Path partial = DIR.resolve(name + ".part");
            try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                body.write(out);
            }
            Files.move(partial, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(Path file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(Files.readAllBytes(file));
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
