package org.parkscope.land;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.parkscope.shared.Refusal;
import org.parkscope.shared.Scope;
import org.parkscope.shared.UserMessage;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A listed low-efficiency parcel moved into the 盘活 ledger in one step: a ledger item of the chosen kind for that
 * parcel, its baseline the year the parcel was found, its description the finding's reasons. A parcel already in an
 * item that is not completed is refused (one open item per parcel).
 */
@Service
public class LedgerFromFinding {

    private final JdbcClient jdbc;
    private final LowEfficiencyService lowEfficiency;
    private final LandCommands commands;

    public LedgerFromFinding(JdbcClient jdbc, LowEfficiencyService lowEfficiency, LandCommands commands) {
        this.jdbc = jdbc;
        this.lowEfficiency = lowEfficiency;
        this.commands = commands;
    }

    /** Creates the ledger item for a parcel listed in {@code year}; returns its id. */
    @Transactional
    public long open(Scope scope, long parcelId, int year, String kind) {
        LowEfficiencyService.Listed listed = lowEfficiency.listed(scope, year, parcelId)
                .orElseThrow(() -> Refusal.of("ledger.fromFinding.notListed"));
        jdbc.sql("select pg_advisory_xact_lock(hashtext('ledger-parcel'), cast(:p as int))").param("p", (int) parcelId)
                .query().listOfRows();
        jdbc.sql("""
                select i.id, i.title from land_intervention i
                join land_intervention_parcel ip on ip.intervention_id = i.id
                where ip.parcel_id = :p and i.completed_on is null order by i.id limit 1
                """).param("p", parcelId).query((rs, n) -> Refusal.of("ledger.fromFinding.duplicate", rs.getLong("id"),
                        rs.getString("title"))).optional().ifPresent(r -> {
                            throw r;
                        });
        boolean en = LocaleContextHolder.getLocale().getLanguage().equals(Locale.ENGLISH.getLanguage());
        String title = UserMessage.of("ledger.fromFinding.title", listed.certificateNo(),
                listed.holder() == null ? "" : listed.holder()).text();
        String reasons = String.join(en ? "; " : "；", listed.reasons().stream().map(f -> en ? f.en() : f.zh()).toList());
        String description = UserMessage.of("ledger.fromFinding.description", year, reasons).text();
        return commands.addIntervention(scope, new LandCommands.InterventionForm(kind, title, LocalDate.now(), null,
                year, description, null, List.of(listed.certificateNo())));
    }
}
