package org.parkscope.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parkscope.audit.AuditLog;
import org.parkscope.core.evaluation.PublicationChecks;
import org.parkscope.core.evaluation.PublicationChecks.Check;
import org.parkscope.core.evaluation.Scheme;
import org.parkscope.shared.RecordRows;
import org.parkscope.shared.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A run's pre-publication findings ({@link PublicationChecks}): stored when the run is scored, listed on its page,
 * each acknowledged by a town administrator with a reason (audited); the 公示 waits for all of them.
 */
@Component
class PublicationCheckStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A firm a finding names, with its figure (null where the finding has none, e.g. a missing value). */
    record FirmRow(long id, String name, @Nullable Double value) {
        public @Nullable BigDecimal shown() {
            return value == null ? null : round(value);
        }
    }

    /** A stored finding, with the names of its cohort and indicator for the page, and its acknowledgement. */
    record CheckRow(long id, Check check, String cohort, String cohortName, String subject, String subjectName,
            List<FirmRow> firms, @Nullable Double figure, double threshold, @Nullable String acknowledgedBy,
            @Nullable LocalDateTime acknowledgedAt, @Nullable String reason) {

        public boolean acknowledged() {
            return acknowledgedBy != null;
        }

        /** The message key of the finding's sentence (a cohort short of firms, or a band left empty). */
        public String messageKey() {
            return "eval.check.text." + check + (check == Check.SMALL_COHORT && !subject.isEmpty() ? ".band" : "");
        }

        /** The sentence's arguments; the message of each check says which it uses. */
        public Object[] args() {
            double f = figure == null ? Double.NaN : figure;
            return switch (check) {
                case LAND_BELOW -> new Object[] {firms.size(), round(threshold), round(f)};
                case BEYOND_BENCHMARK -> new Object[] {subjectName, firms.size(), round(f), round(threshold)};
                case NEGATIVE_TOTAL -> new Object[] {firms.size(), round(f)};
                case SMALL_COHORT -> new Object[] {(int) f, (int) threshold, subject};
                case MISSING_DATA -> new Object[] {subjectName, round(f * 100), round(threshold * 100), firms.size()};
                case LEAVE_ONE_OUT -> {
                    FirmRow mover = firms.get(0);
                    double without = mover.value() == null ? Double.NaN : mover.value();
                    yield new Object[] {subjectName, mover.name(), round(f), round(without),
                            round(Math.abs(without - f) / f * 100), round(threshold * 100)};
                }
            };
        }
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;

    PublicationCheckStore(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Replaces the run's findings with those of its latest scoring. */
    void store(long run, List<PublicationChecks.Finding> findings) {
        jdbc.sql("delete from evaluation_check where run_id = ?").param(run).update();
        for (PublicationChecks.Finding f : findings) {
            List<Map<String, Object>> firms = new ArrayList<>();
            for (PublicationChecks.Firm firm : f.firms()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", Long.parseLong(firm.id()));
                m.put("name", firm.name());
                m.put("value", Double.isFinite(firm.value()) ? firm.value() : null);
                firms.add(m);
            }
            jdbc.sql("insert into evaluation_check(run_id, check_code, cohort, subject, firms, figure, threshold)"
                    + " values (?, ?, ?, ?, ?::jsonb, ?, ?)")
                    .params(run, f.check().name(), f.cohort(), f.indicator() == null ? "" : f.indicator(),
                            JSON.writeValueAsString(firms), Double.isFinite(f.figure()) ? f.figure() : null, f.limit())
                    .update();
        }
    }

    /** The run's findings in the order they were found, named after the scheme's cohorts and indicators. */
    List<CheckRow> of(long run, Scheme scheme) {
        record Stored(long id, String checkCode, String cohort, String subject, String firms, @Nullable Double figure,
                double threshold, @Nullable String acknowledgedBy, @Nullable Instant acknowledgedAt,
                @Nullable String reason) {}
        List<Stored> rows = jdbc.sql("select id, check_code, cohort, subject, firms::text as firms, figure, threshold,"
                + " acknowledged_by, acknowledged_at, reason from evaluation_check where run_id = ? order by id")
                .param(run).query(RecordRows.of(Stored.class)).list();
        List<CheckRow> out = new ArrayList<>();
        for (Stored s : rows) {
            Scheme.Cohort cohort = scheme.cohorts().stream().filter(c -> c.code().equals(s.cohort())).findFirst()
                    .orElse(null);
            String subjectName = cohort == null ? s.subject() : cohort.indicators().stream()
                    .filter(i -> i.code().equals(s.subject())).map(Scheme.Indicator::name).findFirst()
                    .orElse(s.subject());
            List<FirmRow> firms = new ArrayList<>();
            for (Object o : JSON.readValue(s.firms(), List.class)) {
                Map<?, ?> m = (Map<?, ?>) o;
                firms.add(new FirmRow(((Number) m.get("id")).longValue(), String.valueOf(m.get("name")),
                        m.get("value") instanceof Number n ? n.doubleValue() : null));
            }
            out.add(new CheckRow(s.id(), Check.valueOf(s.checkCode()), s.cohort(),
                    cohort == null ? s.cohort() : cohort.name(), s.subject(), subjectName, firms, s.figure(),
                    s.threshold(), s.acknowledgedBy(),
                    s.acknowledgedAt() == null ? null : LocalDateTime.ofInstant(s.acknowledgedAt(), ZoneId.systemDefault()),
                    s.reason()));
        }
        return out;
    }

    /** A town administrator acknowledges one finding of a run, with the reason it may be published as it is. */
    void acknowledge(long run, long finding, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw Refusal.of("eval.check.reasonNeeded");
        }
        record Before(long runId, String checkCode, String cohort, String subject, @Nullable String acknowledgedBy) {}
        Before before = jdbc.sql("select run_id, check_code, cohort, subject, acknowledged_by from evaluation_check"
                + " where id = ?").param(finding).query(RecordRows.of(Before.class)).optional()
                .filter(b -> b.runId() == run).orElseThrow(() -> Refusal.notFound("finding", finding));
        String status = jdbc.sql("select status from evaluation_run where id = ?").param(run).query(String.class).single();
        if (!org.parkscope.core.evaluation.RunStatus.valueOf(status).canPublish()) {
            throw Refusal.of("eval.check.notDraft");
        }
        if (before.acknowledgedBy() != null) {
            throw Refusal.of("eval.check.alreadyAcknowledged");
        }
        int updated = jdbc.sql("update evaluation_check set acknowledged_by = ?, acknowledged_at = now(), reason = ?"
                + " where id = ? and acknowledged_by is null").params(actor, reason.trim(), finding).update();
        if (updated == 0) {
            throw Refusal.of("eval.check.alreadyAcknowledged");
        }
        Map<String, Object> was = new LinkedHashMap<>();
        was.put("run", run);
        was.put("check", before.checkCode());
        was.put("cohort", before.cohort());
        was.put("subject", before.subject());
        audit.recordAs(actor, "ACKNOWLEDGE", "evaluation_check", finding, null, null, was,
                Map.of("reason", reason.trim()));
    }

    /** Refuses the 公示 while any finding of the run is not acknowledged. */
    void requireAcknowledged(long run) {
        long open = jdbc.sql("select count(*) from evaluation_check where run_id = ? and acknowledged_by is null")
                .param(run).query(Long.class).single();
        if (open > 0) {
            throw Refusal.of("eval.refused.unacknowledgedChecks", open);
        }
    }

    private static BigDecimal round(double v) {
        return Double.isFinite(v) ? BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP) : BigDecimal.ZERO;
    }
}
