package io.migrationinsights.metrics;

import static io.migrationinsights.metrics.MetricsFixtures.org;
import static io.migrationinsights.metrics.MetricsFixtures.uploadFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.migrationinsights.metrics.BenefitStatus.Rag;
import io.migrationinsights.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Benefit RAG from the latest measurement on or before the report date. */
@QuarkusTest
class MetricsBenefitsTest {

    @Inject
    BenefitMetrics benefits;

    /** A new organisation with csv/metrics/benefits-register.csv and its measurements (each note says why it counts). */
    static String load() {
        String ods = Api.newOrganisation();
        uploadFile(ods, "benefits", "benefits-register.csv");
        uploadFile(ods, "benefit-measurements", "benefits-measurements.csv");
        return ods;
    }

    @Test
    void ratesEachBenefitFromItsLatestMeasurementOnOrBeforeTheDate() {
        List<BenefitStatus> statuses = benefits.rag(org(load()), LocalDate.of(2026, 6, 30));
        Map<String, Rag> rag = new LinkedHashMap<>();
        statuses.forEach(s -> rag.put(s.benefitId(), s.rag()));
        assertEquals(Map.of("B1", Rag.green, "B2", Rag.amber, "B3", Rag.red, "B4", Rag.green, "B5", Rag.amber,
                "B6", Rag.red, "B7", Rag.grey, "B8", Rag.grey, "B9", Rag.green), rag);
        assertEquals(List.of("B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B9"),
                statuses.stream().map(BenefitStatus::benefitId).toList());
        BenefitStatus b3 = statuses.get(2);
        assertEquals(LocalDate.of(2026, 6, 1), b3.measuredOn());
        assertEquals(0, new BigDecimal("14.99").compareTo(b3.value()));
        BenefitStatus b7 = statuses.get(6);
        assertNull(b7.measuredOn());
        assertNull(b7.value());
    }

    @Test
    void aLaterReportDatePicksUpTheLaterMeasurement() {
        List<BenefitStatus> statuses = benefits.rag(org(load()), LocalDate.of(2026, 7, 15));
        assertEquals(Rag.red, statuses.get(0).rag()); // B1 fell to 5
        assertEquals(Rag.green, statuses.get(7).rag()); // B8 measured 25 on 1 July
    }

    @Test
    void ruleTreatsTheTargetAndHalfWayPointAsReached() {
        BigDecimal ten = BigDecimal.TEN;
        BigDecimal twenty = BigDecimal.valueOf(20);
        assertEquals(Rag.green, BenefitMetrics.rag("increase", ten, twenty, new BigDecimal("20.0")));
        assertEquals(Rag.green, BenefitMetrics.rag("increase", ten, twenty, new BigDecimal("21")));
        assertEquals(Rag.amber, BenefitMetrics.rag("increase", ten, twenty, new BigDecimal("15")));
        assertEquals(Rag.red, BenefitMetrics.rag("increase", ten, twenty, new BigDecimal("9")));
        assertEquals(Rag.green, BenefitMetrics.rag("decrease", twenty, ten, new BigDecimal("9")));
        assertEquals(Rag.amber, BenefitMetrics.rag("decrease", twenty, ten, new BigDecimal("15")));
        assertEquals(Rag.red, BenefitMetrics.rag("decrease", twenty, ten, new BigDecimal("15.01")));
        assertEquals(Rag.grey, BenefitMetrics.rag("decrease", twenty, ten, null));
    }
}
