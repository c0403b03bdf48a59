package org.parkscope.land;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.parkscope.shared.Refusal;
import org.parkscope.audit.AuditLog;
import org.parkscope.core.validate.Limits.Kind;
import org.parkscope.shared.Inputs;
import org.parkscope.core.land.Obligation;
import org.parkscope.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes to the land records: a contract with its first obligation, an intervention in the ledger. Audited. */
@Service
public class LandCommands {

    public static final Set<String> INTERVENTION_KINDS = Set.of("RESERVE", "RENOVATION", "TRANSFER", "REPLACEMENT",
            "REDUCTION", "RECOVERY");
    public static final Set<String> CONTRACT_KINDS = Set.of("STANDARD", "LIFECYCLE", "GRANT", "LEASE");

    private final JdbcClient jdbc;
    private final LandQueries land;
    private final AuditLog audit;

    public LandCommands(JdbcClient jdbc, LandQueries land, AuditLog audit) {
        this.jdbc = jdbc;
        this.land = land;
        this.audit = audit;
    }

    public record InterventionForm(@Nullable String kind, @Nullable String title, @Nullable LocalDate startedOn,
            @Nullable LocalDate completedOn, @Nullable Integer baselineYear, @Nullable String description,
            @Nullable String document, @Nullable List<String> certificates) {}

    public record ContractForm(@Nullable String contractNo, @Nullable String kind, @Nullable LocalDate signedOn,
            @Nullable LocalDate completionDue, @Nullable LocalDate completedOn, @Nullable LocalDate termEndsOn,
            @Nullable String metric, @Nullable BigDecimal target, @Nullable Integer offsetYears,
            @Nullable Integer everyYears, @Nullable BigDecimal tolerance, @Nullable String consequence) {}

    @Transactional
    public long addIntervention(Scope scope, InterventionForm f) {
        Inputs.check().text("title", Kind.NAME, f.title()).text("description", Kind.TEXT, f.description())
                .text("document", Kind.LINE, f.document()).date("startedOn", f.startedOn())
                .date("completedOn", f.completedOn()).order("startedOn", f.startedOn(), f.completedOn())
                .number("baselineYear", Kind.YEAR, f.baselineYear())
                .text("certificates", Kind.TEXT, f.certificates() == null ? null : String.join(",", f.certificates()))
                .orThrow();
        if (f.kind() == null || !INTERVENTION_KINDS.contains(f.kind())) {
            throw Refusal.of("land.refused.interventionKind");
        }
        if (f.title() == null || f.title().isBlank()) {
            throw Refusal.of("land.refused.title");
        }
        if (f.startedOn() == null) {
            throw Refusal.of("land.refused.startedOn");
        }
        int baseline = f.baselineYear() == null ? f.startedOn().getYear() - 1 : f.baselineYear();
        if (baseline > f.startedOn().getYear() || baseline < 1990) {
            throw Refusal.of("land.refused.baselineYear");
        }
        java.util.Set<Long> parcels = new java.util.LinkedHashSet<>(); // the same certificate twice is one parcel
        for (String c : f.certificates() == null ? List.<String>of() : f.certificates()) {
            if (c.isBlank()) {
                continue;
            }
            Long id = jdbc.sql("select id from parcel where certificate_no = :c").param("c", c.strip())
                    .query(Long.class).optional().orElse(null);
            if (id == null || land.parcel(scope, id, LocalDate.now()).isEmpty()) {
                throw Refusal.of("land.refused.noSuchCertificate", c.strip());
            }
            parcels.add(id);
        }
        if (parcels.isEmpty()) {
            throw Refusal.of("land.refused.noParcel");
        }
        long id = jdbc.sql("""
                insert into land_intervention(kind, title, started_on, completed_on, baseline_year, description, document,
                    created_by) values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(f.kind(), f.title().strip(), f.startedOn(), f.completedOn(), baseline, f.description(),
                        f.document(), AuditLog.currentActor()).query(Long.class).single();
        for (Long p : parcels) {
            jdbc.sql("insert into land_intervention_parcel(intervention_id, parcel_id) values (?, ?)").params(id, p)
                    .update();
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("kind", f.kind());
        after.put("title", f.title().strip());
        after.put("startedOn", String.valueOf(f.startedOn()));
        after.put("completedOn", String.valueOf(f.completedOn()));
        after.put("baselineYear", baseline);
        after.put("parcels", new ArrayList<>(parcels));
        Long park = jdbc.sql("select park_id from parcel where id = :p").param("p", parcels.iterator().next()).query(Long.class)
                .single();
        audit.record("CREATE", "land_intervention", id, park, null, null, after);
        return id;
    }

    @Transactional
    public long addContract(Scope scope, long parcelId, ContractForm f) {
        Inputs.check().text("contractNo", Kind.CODE, f.contractNo()).date("signedOn", f.signedOn())
                .date("completionDue", f.completionDue()).date("completedOn", f.completedOn())
                .date("termEndsOn", f.termEndsOn()).order("signedOn", f.signedOn(), f.completedOn())
                .order("signedOn", f.signedOn(), f.completionDue()).order("signedOn", f.signedOn(), f.termEndsOn())
                .number("target", Kind.MONEY_WAN, f.target()).number("offsetYears", Kind.YEARS, f.offsetYears())
                .number("everyYears", Kind.YEARS, f.everyYears()).number("tolerance", Kind.PERCENT, f.tolerance())
                .text("consequence", Kind.LINE, f.consequence()).orThrow();
        LandQueries.ParcelDetail parcel = land.parcel(scope, parcelId, LocalDate.now())
                .orElseThrow(() -> Refusal.of("land.refused.unknownParcel"));
        if (f.contractNo() == null || f.contractNo().isBlank()) {
            throw Refusal.of("land.refused.contractNo");
        }
        if (f.kind() == null || !CONTRACT_KINDS.contains(f.kind())) {
            throw Refusal.of("land.refused.contractKind");
        }
        if (f.signedOn() == null) {
            throw Refusal.of("land.refused.signedOn");
        }
        if (jdbc.sql("select count(*) from land_contract where contract_no = :n").param("n", f.contractNo().strip())
                .query(Long.class).single() > 0) {
            throw Refusal.of("land.refused.contractExists");
        }
        Obligation obligation = null;
        if (f.metric() != null && !f.metric().isBlank()) {
            if (!Set.of("TAX", "OUTPUT", "REVENUE").contains(f.metric())) {
                throw Refusal.of("land.refused.metric");
            }
            if (f.target() == null || f.target().signum() <= 0) {
                throw Refusal.of("land.refused.target");
            }
            double tolerance = f.tolerance() == null ? 0 : f.tolerance().doubleValue() / 100;
            try {
                obligation = new Obligation(f.metric(), label(f.metric()), f.target().doubleValue(), "万元/亩", true, false,
                        "COMPLETION", f.offsetYears() == null ? 3 : f.offsetYears(),
                        f.everyYears() == null ? 0 : f.everyYears(), tolerance, f.consequence());
            } catch (IllegalArgumentException e) {
                throw Refusal.of("land.refused.obligation", e.getMessage());
            }
        }
        long id = jdbc.sql("""
                insert into land_contract(parcel_id, contract_no, kind, signed_on, completion_due, completed_on,
                    term_ends_on) values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(parcelId, f.contractNo().strip(), f.kind(), f.signedOn(), f.completionDue(), f.completedOn(),
                        f.termEndsOn()).query(Long.class).single();
        if (obligation != null) {
            jdbc.sql("""
                    insert into land_obligation(contract_id, metric, label, target, unit, per_mu, at_most, event,
                        offset_years, every_years, tolerance, consequence) values (?, ?, ?, ?, ?, true, false, 'COMPLETION',
                        ?, ?, ?, ?)""").params(id, obligation.metric(), obligation.label(), obligation.target(),
                    obligation.unit(), obligation.offsetYears(), obligation.everyYears(), obligation.tolerance(),
                    obligation.consequence()).update();
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("parcel", parcel.certificateNo());
        after.put("contractNo", f.contractNo().strip());
        after.put("kind", f.kind());
        after.put("signedOn", String.valueOf(f.signedOn()));
        after.put("completionDue", String.valueOf(f.completionDue()));
        after.put("obligation", obligation == null ? null : obligation.label() + " ≥ " + obligation.target() + " "
                + obligation.unit());
        audit.record("CREATE", "land_contract", id, parcel.parkId(), null, null, after);
        return id;
    }

    private static String label(String metric) {
        return switch (metric) {
            case "TAX" -> "亩均税收";
            case "OUTPUT" -> "亩均产值";
            default -> "亩均营收";
        };
    }
}
