package org.parkscope.enterprise;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.parkscope.shared.QualificationType;
import org.parkscope.shared.UserMessage;
import org.parkscope.audit.AuditLog;
import org.parkscope.core.validate.Limits.Kind;
import org.parkscope.core.code.CheckResult;
import org.parkscope.core.code.IndustryCode;
import org.parkscope.core.code.IndustryCodes;
import org.parkscope.shared.Scope;
import org.parkscope.shared.ScopeParams;
import org.parkscope.shared.Inputs;
import org.parkscope.shared.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to an enterprise's registry record, its qualifications and its figures. Each change is checked, written and
 * audited (with the row before and after) in one transaction, within the caller's scope.
 */
@Service
public class EnterpriseCommands {

    /** The registry's qualification types: the general ones and those the chain definitions place firms by. */
    public static final Set<String> QUALIFICATION_TYPES = java.util.Collections.unmodifiableSet(
            new java.util.LinkedHashSet<>(QualificationType.codes()));
    public static final Map<String, String> METRIC_UNITS = Map.of("TAX", "万元", "REVENUE", "万元", "OUTPUT", "万元",
            "VALUE_ADDED", "万元", "ENERGY", "吨标准煤", "ELECTRICITY", "万千瓦时", "EMISSIONS", "吨", "RD", "万元", "STAFF", "人",
            "GOODS_SALES", "万元");
    public static final Set<String> DEPARTMENTS = Set.of("TAX", "STATS", "POWER", "LAND", "ENV", "PARK", "ENTERPRISE");

    private final JdbcClient jdbc;
    private final AuditLog audit;

    public EnterpriseCommands(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The editable part of an enterprise's record. */
    public record EnterpriseEdit(String name, String industryCode, @Nullable String sizeClass, boolean aboveScale,
            boolean hq, @Nullable String hqKind, String status) {}

    private Map<String, Object> row(Scope scope, long id) {
        return ScopeParams.bind(jdbc.sql("select id, uscc, name, industry_code, size_class, above_scale, hq, hq_kind,"
                + " status, park_id from enterprise e where e.id = :id and " + Scope.condition("e.park_id", "e.id")), scope)
                .param("id", id).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> Refusal.notFound("enterprise", id));
    }

    @Transactional
    public void update(Scope scope, long id, EnterpriseEdit edit) {
        Inputs.check().text("name", Kind.NAME, edit.name()).text("industryCode", Kind.CODE, edit.industryCode())
                .text("hqKind", Kind.CODE, edit.hqKind()).orThrow();
        Map<String, Object> before = row(scope, id);
        List<UserMessage> problems = new ArrayList<>();
        if (edit.name() == null || edit.name().isBlank()) {
            problems.add(UserMessage.of("enterprise.refused.name"));
        }
        CheckResult<IndustryCode> code = IndustryCodes.load().check(edit.industryCode());
        code.errors().forEach(p -> problems.add(UserMessage.bilingual(p.messageZh(), p.messageEn())));
        if (code.ok() && code.value().level() != 4) {
            problems.add(UserMessage.of("enterprise.refused.industryLevel"));
        }
        if (edit.sizeClass() != null && !edit.sizeClass().isBlank()
                && !Set.of("LARGE", "MEDIUM", "SMALL", "MICRO").contains(edit.sizeClass())) {
            problems.add(UserMessage.of("enterprise.refused.size"));
        }
        if (!Set.of("ACTIVE", "SUSPENDED", "MOVED_OUT", "DEREGISTERED").contains(edit.status())) {
            problems.add(UserMessage.of("enterprise.refused.status"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.of(UserMessage.of("enterprise.refused"), problems);
        }
        jdbc.sql("update enterprise set name = ?, industry_code = ?, size_class = ?, above_scale = ?, hq = ?,"
                + " hq_kind = ?, status = ? where id = ?")
                .params(edit.name().trim(), code.value().code(),
                        edit.sizeClass() == null || edit.sizeClass().isBlank() ? null : edit.sizeClass(),
                        edit.aboveScale(), edit.hq(), edit.hqKind() == null || edit.hqKind().isBlank() ? null : edit.hqKind(),
                        edit.status(), id)
                .update();
        Map<String, Object> after = row(scope, id);
        audit.record("UPDATE", "enterprise", id, (Long) after.get("park_id"), id, before, after);
    }

    @Transactional
    public long addQualification(Scope scope, long enterpriseId, String type, @Nullable String level,
            @Nullable String certificateNo, LocalDate issuedOn, @Nullable LocalDate expiresOn) {
        Inputs.check().text("level", Kind.CODE, level).text("certificateNo", Kind.CODE, certificateNo)
                .date("issuedOn", issuedOn).date("expiresOn", expiresOn).order("issuedOn", issuedOn, expiresOn).orThrow();
        Map<String, Object> enterprise = row(scope, enterpriseId);
        List<UserMessage> problems = new ArrayList<>();
        if (!QUALIFICATION_TYPES.contains(type)) {
            problems.add(UserMessage.of("enterprise.refused.qualificationType"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.of(UserMessage.of("enterprise.refused"), problems);
        }
        long id = jdbc.sql("insert into qualification(enterprise_id, type, level, certificate_no, issued_on, expires_on)"
                + " values (?, ?, ?, ?, ?, ?) returning id")
                .params(enterpriseId, type, blank(level), blank(certificateNo), issuedOn, expiresOn)
                .query(Long.class).single();
        audit.record("CREATE", "qualification", id, (Long) enterprise.get("park_id"), enterpriseId, null,
                qualification(id));
        return id;
    }

    @Transactional
    public void deleteQualification(Scope scope, long enterpriseId, long qualificationId) {
        Map<String, Object> enterprise = row(scope, enterpriseId);
        Map<String, Object> before = qualification(qualificationId);
        if (before == null || ((Number) before.get("enterprise_id")).longValue() != enterpriseId) {
            throw Refusal.notFound("qualification", qualificationId);
        }
        jdbc.sql("delete from qualification where id = ?").param(qualificationId).update();
        audit.record("DELETE", "qualification", qualificationId, (Long) enterprise.get("park_id"), enterpriseId, before,
                null);
    }

    private @Nullable Map<String, Object> qualification(long id) {
        return jdbc.sql("select id, enterprise_id, type, level, certificate_no, issued_on, expires_on from qualification"
                + " where id = ?").param(id).query().listOfRows().stream().findFirst().orElse(null);
    }

    /** Sets one figure (a correction by hand); the row remembers that it came from no import batch. */
    @Transactional
    public void setFigure(Scope scope, long enterpriseId, String metric, String period, BigDecimal value,
            String department) {
        Inputs.check().number("value", Kind.FIGURE, value).orThrow();
        Map<String, Object> enterprise = row(scope, enterpriseId);
        List<UserMessage> problems = new ArrayList<>();
        if (!METRIC_UNITS.containsKey(metric)) {
            problems.add(UserMessage.of("enterprise.refused.metric"));
        }
        if (period == null || !period.matches("^[0-9]{4}(-(0[1-9]|1[0-2]))?$")) {
            problems.add(UserMessage.of("enterprise.refused.period"));
        }
        if (!DEPARTMENTS.contains(department)) {
            problems.add(UserMessage.of("enterprise.refused.department"));
        }
        if (value == null || value.signum() < 0) {
            problems.add(UserMessage.of("enterprise.refused.value"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.of(UserMessage.of("enterprise.refused"), problems);
        }
        Map<String, Object> before = figure(enterpriseId, metric, period);
        jdbc.sql("""
                insert into indicator_value(enterprise_id, period, metric, value, unit, source_department, import_batch_id)
                values (?, ?, ?, ?, ?, ?, null)
                on conflict (enterprise_id, period, metric)
                do update set value = excluded.value, unit = excluded.unit,
                              source_department = excluded.source_department, import_batch_id = null
                """).params(enterpriseId, period, metric, value, METRIC_UNITS.get(metric), department).update();
        audit.record(before == null ? "CREATE" : "UPDATE", "indicator_value", enterpriseId + "/" + period + "/" + metric,
                (Long) enterprise.get("park_id"), enterpriseId, before, figure(enterpriseId, metric, period));
    }

    private @Nullable Map<String, Object> figure(long enterpriseId, String metric, String period) {
        return jdbc.sql("select enterprise_id, period, metric, value, unit, source_department, import_batch_id"
                + " from indicator_value where enterprise_id = ? and metric = ? and period = ?")
                .params(enterpriseId, metric, period).query().listOfRows().stream().findFirst().orElse(null);
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
