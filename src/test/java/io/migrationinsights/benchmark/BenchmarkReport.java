package io.migrationinsights.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;

/** Writes reports/benchmarks.md from the results of one {@code benchmarks/run}. */
final class BenchmarkReport {

    private final Properties p;
    private final StringBuilder md = new StringBuilder();

    private BenchmarkReport(Properties p) {
        this.p = p;
    }

    static void write(Path results, Path out) throws IOException {
        BenchmarkReport r = new BenchmarkReport(NationalScale.ResultFile.load(results));
        r.render();
        Files.writeString(out, r.md.toString(), StandardCharsets.UTF_8);
    }

    private String get(String key) {
        return p.getProperty(key, "n/a");
    }

    private double num(String key) {
        try {
            return Double.parseDouble(p.getProperty(key, ""));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private void line(String s) {
        md.append(s).append('\n');
    }

    private void render() {
        line("# Benchmarks");
        line("");
        line("National scale (issue #11): NHSmail holds about 1.5 million accounts. One command, not part of the");
        line("default build, measures the service against the limits of its databases and libraries in one run:");
        line("");
        line("    benchmarks/run        # BENCH_DB=bench BENCH_PORT=8160 BENCH_WRK='-t2 -c8 -d20s' by default");
        line("");
        line("It builds the H2 and the PostgreSQL jars, generates a " + String.format(Locale.ROOT, "%,d", NationalScale.ACCOUNTS)
                + "-row nhsmail-accounts file and a " + String.format(Locale.ROOT, "%,d", NationalScale.TICKETS)
                + "-row tickets file, and the organisation's staff (as many, one an account, every 33rd without) and their");
        line("appointments (one each, and a wash-up for those unavailable) (target/bench); loads the accounts by raw COPY");
        line("into a bare PostgreSQL table and by bare batched INSERT (FastCSV, 1000 rows a batch) into a bare H2 file table;");
        line("starts each jar with `-Xmx256m`, imports the files over HTTP (text/csv body) with the heap sampled every 100");
        line("ms from `/q/metrics` (`jvm_memory_used_bytes`, heap pools summed); reads the figures the pages read; then");
        line("runs the same `wrk` load against the registrations endpoint (96 months, signed in with an API token) and");
        line("`/q/health/live`; finally it exports a");
        line("1M-row members workbook against bare SXSSF in one JVM with `-Xmx256m` (`MembersWorkbookBenchmark`).");
        line("");
        line("The ingest ratios are medians of " + NationalScale.RUNS + " runs, as the issue's reference figures are. Each limit runs "
                + NationalScale.RUNS + " times (a raw COPY");
        line("into the emptied bare table; a bare INSERT into a new H2 file). On each jar the first "
                + NationalScale.WARMUP + " imports in the fresh");
        line("JVM, made while the JVM compiles the import's code (its compilations die down over about five imports),");
        line("go into organisations of their own (" + NationalScale.COLD_ODS + ", then NAW01...) and are reported for information,");
        line("the first alone; then the accounts file is imported " + NationalScale.RUNS
                + " times, each as an organisation's first import,");
        line("and the median counts. Then the next export of the accounts (one account changed) and the tickets are");
        line("imported once each. Every run's time is in the tables below.");
        line("Sources: `benchmarks/run`, `src/test/java/io/migrationinsights/benchmark/`. Raw results:");
        line("`target/bench/results.properties`; jar logs and GC logs in `target/bench/`.");
        line("");
        line("## Latest run");
        line("");
        line("Run " + get("run.started") + " on commit " + get("run.commit") + "; " + get("run.machine") + ".");
        line("Load average of the 2 cores (1, 5, 15 min) before the");
        line("limits " + get("load.limits.before") + ", H2 jar " + get("load.h2.before") + " / after " + get("load.h2.after")
                + ", PostgreSQL jar " + get("load.pg.before") + " / after " + get("load.pg.after") + ", workbook "
                + get("load.workbook.before") + " / after " + get("load.workbook.after") + ". Treat the absolute times as upper bounds; the ratios are");
        line("measured side by side in the same run.");
        line("");
        line("| target | measured | ratio | met |");
        line("|---|---|---|---|");
        ratio("PostgreSQL ingest >= 0.7x raw COPY (nhsmail-accounts)", "pg.import.accounts.rows_per_s",
                "pg.copy.accounts.rows_per_s", "import %s rows/s, raw COPY %s rows/s", 0.7, true);
        ratio("PostgreSQL ingest, the first import in a fresh JVM, vs raw COPY (for information)",
                "pg.import.accounts_cold.rows_per_s", "pg.copy.accounts.rows_per_s",
                "import %s rows/s, raw COPY %s rows/s", 0.7, true);
        ratio("PostgreSQL ingest, the warm-up imports after the first in a fresh JVM (median), vs raw COPY (for information)",
                "pg.import.accounts_warmup.rows_per_s", "pg.copy.accounts.rows_per_s",
                "import %s rows/s, raw COPY %s rows/s", 0.7, true);
        ratio("PostgreSQL ingest, the next accounts import on the running jar, vs raw COPY (for information)",
                "pg.import.accounts_next.rows_per_s", "pg.copy.accounts.rows_per_s",
                "import %s rows/s, raw COPY %s rows/s", 0.7, true);
        ratio("PostgreSQL ingest vs raw COPY (tickets, for information)", "pg.import.tickets.rows_per_s",
                "pg.copy.tickets.rows_per_s", "import %s rows/s, raw COPY %s rows/s", 0.7, true);
        ratio("H2 ingest >= 0.7x bare batched INSERT (nhsmail-accounts)", "h2.import.accounts.rows_per_s",
                "h2.insert.accounts.rows_per_s", "import %s rows/s, bare INSERT %s rows/s", 0.7, true);
        ratio("H2 ingest vs a bare batched INSERT into a table with the accounts' one index (for information)",
                "h2.import.accounts.rows_per_s", "h2.insert_indexed.accounts.rows_per_s",
                "import %s rows/s, INSERT %s rows/s", 0.7, true);
        ratio("Bare INSERT with the accounts' index, committed every 20,000 rows, vs bare INSERT (for information: "
                        + "the most an import in small transactions could reach with the index)",
                "h2.insert_indexed_small_tx.accounts.rows_per_s", "h2.insert.accounts.rows_per_s",
                "INSERT %s rows/s, bare INSERT %s rows/s", 0.7, true);
        ratio("H2 ingest, the first import in a fresh JVM, vs bare INSERT (for information)",
                "h2.import.accounts_cold.rows_per_s", "h2.insert.accounts.rows_per_s",
                "import %s rows/s, bare INSERT %s rows/s", 0.7, true);
        ratio("H2 ingest, the warm-up imports after the first in a fresh JVM (median), vs bare INSERT (for information)",
                "h2.import.accounts_warmup.rows_per_s", "h2.insert.accounts.rows_per_s",
                "import %s rows/s, bare INSERT %s rows/s", 0.7, true);
        ratio("H2 ingest, the next accounts import on the running jar, vs bare INSERT (for information)",
                "h2.import.accounts_next.rows_per_s", "h2.insert.accounts.rows_per_s",
                "import %s rows/s, bare INSERT %s rows/s", 0.7, true);
        heap();
        ratio("registrations p99 <= 3x /q/health/live p99, PostgreSQL", "pg.wrk.registrations.p99_ms",
                "pg.wrk.health.p99_ms", "p99 %s ms vs %s ms", 3, false);
        ratio("registrations p99 <= 3x /q/health/live p99, H2", "h2.wrk.registrations.p99_ms",
                "h2.wrk.health.p99_ms", "p99 %s ms vs %s ms", 3, false);
        ratio("1M-row members workbook >= 0.8x bare SXSSF (-Xmx256m)", "workbook.export.rows_per_s",
                "workbook.bare.rows_per_s", "export %s rows/s, bare SXSSF %s rows/s", 0.8, true);
        line("");
        line("### Imports over HTTP (jar with -Xmx256m)");
        line("");
        line("| file | database | time (median) | every run | rows/s | peak heap sampled | heap max |");
        line("|---|---|---|---|---|---|---|");
        for (String db : new String[] {"h2", "pg"}) {
            for (String kind : new String[] {"accounts_cold", "accounts_warmup", "accounts", "accounts_next", "tickets",
                "staff", "appointments"}) {
                String k = db + ".import." + kind;
                line("| " + switch (kind) {
                    case "accounts_cold" -> "accounts, the first import in a fresh JVM";
                    case "accounts_warmup" -> "accounts, the warm-up imports after it (the JIT still compiling)";
                    case "accounts" -> "accounts, each an organisation's first import";
                    case "accounts_next" -> "accounts again (the next export, one account changed)";
                    default -> kind;
                } + " | " + (db.equals("h2") ? "H2 (file)" : "PostgreSQL") + " | " + get(k + ".seconds")
                        + " s | " + get(k + ".runs") + " | " + get(k + ".rows_per_s") + " | " + get(k + ".peak_heap_mb")
                        + " MB | " + get(k + ".heap_max_mb") + " MB |");
            }
        }
        line("");
        line("### The whole reconciliation with its members, at 1.5M accounts and 1.5M staff (GET reconciliation, admin, "
                + "jar with -Xmx256m)");
        line("");
        line("Every member of staff and every account is listed in its class; the members are streamed from the");
        line("database as the answer is written.");
        line("");
        line("| database | time | bytes | peak heap sampled |");
        line("|---|---|---|---|");
        for (String db : new String[] {"h2", "pg"}) {
            String k = db + ".reconciliation";
            line("| " + (db.equals("h2") ? "H2 (file)" : "PostgreSQL") + " | " + get(k + ".seconds") + " s | "
                    + get(k + ".bytes") + " | " + get(k + ".peak_heap_mb") + " MB |");
        }
        line("");
        line("### Figures a page reads, at 1.5M accounts, 1.5M staff, their appointments and 2M tickets (signed in as "
                + "viewer, median of " + NationalScale.RUNS + ")");
        line("");
        line("The first answer after the imports computes the figure from the rows; the figures computed from imported");
        line("rows are then kept until the next import (metrics.ImportedFigures), so the next answers are the median.");
        line("");
        line("| database | figure | first answer | then (median) | every run |");
        line("|---|---|---|---|---|");
        for (String db : new String[] {"h2", "pg"}) {
            for (String[] f : new String[][] {{"reconciliation_counts", "GET reconciliation, the eight counts"},
                {"service_desk", "GET metrics/service-desk, 12 months against 12"},
                {"migration", "GET metrics/migration (per day, site, business unit, user type, wash-up)"},
                {"return", "GET returns/2020-06, the draft return's figures"},
                {"overview_page", "the overview page (HTML: headline figures and charts)"}}) {
                String k = db + ".figure." + f[0];
                line("| " + (db.equals("h2") ? "H2 (file)" : "PostgreSQL") + " | " + f[1] + " | "
                        + get(k + ".first_seconds") + " s | " + get(k + ".seconds") + " s | " + get(k + ".runs") + " |");
            }
        }
        line("");
        line("After one more import of the organisation (the accounts file again, once the figures above were read), the");
        line("service computes again in the background the figures it had been serving (metrics.ImportedFigures); its");
        line("log says when they are ready, then the page and the counts are read as a user opening them would:");
        line("");
        line("| database | import | figures computed again | in | then the overview page | then GET reconciliation |");
        line("|---|---|---|---|---|---|");
        for (String db : new String[] {"h2", "pg"}) {
            String k = db + ".again.";
            line("| " + (db.equals("h2") ? "H2 (file)" : "PostgreSQL") + " | " + get(db + ".import.accounts_again.seconds")
                    + " s | " + get(k + "figures") + " | " + get(k + "seconds") + " s | "
                    + get(k + "overview_page.seconds") + " s | " + get(k + "reconciliation_counts.seconds") + " s |");
        }
        line("");
        line("### Limits (same rows, same run)");
        line("");
        line("| what | time (median) | every run | rows/s |");
        line("|---|---|---|---|");
        for (String[] l : new String[][] {{"pg.copy.accounts", "raw COPY, nhsmail-accounts, bare PostgreSQL table"},
            {"pg.copy.tickets", "raw COPY, tickets, bare PostgreSQL table"},
            {"h2.insert.accounts", "bare batched INSERT, nhsmail-accounts, bare H2 file table"},
            {"h2.insert_indexed.accounts", "the same with an index on staff_id (the import's table has one on "
                    + "organisation and staff id, which the figures join through)"},
            {"h2.insert_indexed_small_tx.accounts", "the same with the index, committed every 20,000 rows"}}) {
            line("| " + l[1] + " | " + get(l[0] + ".seconds") + " s | " + get(l[0] + ".runs") + " | "
                    + get(l[0] + ".rows_per_s") + " |");
        }
        line("");
        line("### Latency under the same wrk load (" + get("run.wrk") + ")");
        line("");
        line("| database | endpoint | requests/s | p50 | p99 |");
        line("|---|---|---|---|---|");
        for (String db : new String[] {"h2", "pg"}) {
            for (String e : new String[] {"health", "organisation", "registrations"}) {
                String k = db + ".wrk." + e;
                line("| " + (db.equals("h2") ? "H2" : "PostgreSQL") + " | "
                        + switch (e) {
                            case "health" -> "/q/health/live";
                            case "organisation" -> "GET /api/organisations/{ods} (signed in, no figure)";
                            default -> "registrations, " + get(db + ".registrations.months") + " months";
                        } + " | " + get(k + ".rps") + " | " + get(k + ".p50_ms") + " ms | " + get(k + ".p99_ms")
                        + " ms |");
            }
        }
        line("");
        line("### Members workbook (one JVM, -Xmx256m, PostgreSQL)");
        line("");
        line("| what | rows | time | rows/s | bytes | peak heap sampled |");
        line("|---|---|---|---|---|---|");
        for (String w : new String[] {"bare", "export"}) {
            String k = "workbook." + w;
            line("| " + (w.equals("bare") ? "bare SXSSF, same cells, window 200" : "GET reconciliation/needs_account/members.xlsx")
                    + " | " + get(k + ".rows") + " | " + get(k + ".seconds") + " s | " + get(k + ".rows_per_s") + " | "
                    + get(k + ".bytes") + " | " + get(k + ".peak_heap_mb") + " MB |");
        }
        line("");
        line("## All results of the run");
        line("");
        line("```");
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            line(key + "=" + p.getProperty(key));
        }
        line("```");
        line("");
        Path notes = Path.of("reports", "benchmarks-notes.md");
        if (Files.exists(notes)) {
            line("");
            try {
                md.append(Files.readString(notes, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        line("");
        line("Earlier measurements (before COPY and the summary tables): [benchmarks-history.md](benchmarks-history.md).");
    }

    private void ratio(String target, String measuredKey, String limitKey, String format, double bound,
                       boolean atLeast) {
        double a = num(measuredKey);
        double b = num(limitKey);
        double ratio = a / b;
        String met = Double.isNaN(ratio) ? "not measured" : (atLeast ? ratio >= bound : ratio <= bound) ? "yes" : "**no**";
        line("| " + target + " | " + String.format(Locale.ROOT, format, get(measuredKey), get(limitKey)) + " | "
                + (Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.2fx", ratio)) + " | " + met + " |");
    }

    private void heap() {
        StringBuilder s = new StringBuilder();
        boolean all = true;
        for (String db : new String[] {"h2", "pg"}) {
            String k = db + ".import.accounts";
            all &= p.containsKey(k + ".rows_per_s");
            s.append(db.equals("h2") ? "H2 " : ", PostgreSQL ").append(get(k + ".peak_heap_mb")).append(" MB of ")
                    .append(get(k + ".heap_max_mb")).append(" MB");
        }
        line("| 1.5M rows imported with -Xmx256m, peak heap reported | " + s + " | | " + (all ? "yes" : "not measured") + " |");
    }
}
