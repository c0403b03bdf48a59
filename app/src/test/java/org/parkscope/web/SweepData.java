package org.parkscope.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.parkscope.access.AccessMatrixIT.Who;
import org.parkscope.evaluation.EvaluationService;
import org.parkscope.importing.ImportKind;
import org.parkscope.importing.ImportRequest;
import org.parkscope.importing.ImportService;
import org.parkscope.importing.Templates;
import org.parkscope.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo rows the page sweep shows: each page's path variables filled with a resource the role may see (its own
 * park, enterprise, parcel; a chain node with firms; an evaluation run in 公示 with objections and a recalculated
 * version; an import job with a report), and the codes that must never be shown raw.
 */
final class SweepData {

    private final JdbcClient jdbc;
    private final long park;
    private final long parcel;
    private final long quectel;
    private final long parkFirm;
    private final boolean parkFirmRated;
    private final String chain;
    private final String node;
    private final long run;
    private final String job;
    private final long lead;
    private final long intervention;
    private final org.parkscope.core.evaluation.Scheme scheme;

    SweepData(JdbcClient jdbc, EvaluationService evaluations, ImportService imports,
            org.parkscope.chain.TargetService targets) throws IOException, InterruptedException {
        this.jdbc = jdbc;
        // A lead on the first target firm, and the ledger item of the operator's park.
        lead = targets.createLead(one("select min(id) from target_firm"), null, null, null, "sweep", "admin");
        park = one("select id from park where code = 'SLS'");
        parcel = one("select min(id) from parcel where park_id = " + park);
        quectel = one("select id from enterprise where name like '上海移远%'");
        intervention = one("select min(ip.intervention_id) from land_intervention_parcel ip"
                + " join parcel p on p.id = ip.parcel_id where p.park_id = " + park);
        List<String> top = jdbc.sql("select chain_id, node_id from chain_firm group by chain_id, node_id"
                + " order by count(*) desc, node_id limit 1").query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
                .single();
        chain = top.get(0);
        node = top.get(1);
        // 公示 with an accepted objection, recalculated, and an open objection on the new version.
        long first = evaluations.create("sijing-demo-2023", "sweep");
        org.parkscope.evaluation.Findings.acknowledgeAll(evaluations, first);
        evaluations.publicise(first, 10, "sweep");
        long objection = evaluations.object(Scope.enterprise(quectel), first, quectel, "TAX", 4200.0,
                "sweep: tax paid in another district", null, "enterprise");
        evaluations.decide(objection, true, "sweep: accepted", "admin");
        run = evaluations.recalculate(first, "sweep");
        scheme = evaluations.scheme(run);
        evaluations.object(Scope.enterprise(quectel), run, quectel, "REVENUE", 90000.0, "sweep: revenue", null,
                "enterprise");
        // The park operator's firm: one of its park's in the run if there is one (the demo's 手拉手 has none).
        parkFirm = jdbc.sql("select e.id from enterprise e left join evaluation_result r on r.enterprise_id = e.id"
                + " and r.run_id = ? where e.park_id = ? order by r.enterprise_id nulls last, e.id limit 1")
                .params(run, park).query(Long.class).single();
        parkFirmRated = jdbc.sql("select count(*) from evaluation_result where run_id = ? and enterprise_id = ?")
                .params(run, parkFirm).query(Long.class).single() > 0;
        // An import job with a report: the figures template checked (dry run), its example rows and all.
        ImportService.Job j = imports.start(ImportKind.INDICATORS, imports.keep("sweep.xlsx",
                new ByteArrayInputStream(Templates.xlsx(ImportKind.INDICATORS, java.util.Locale.SIMPLIFIED_CHINESE))), "sweep.xlsx",
                new ImportRequest.Options(null, null, true), "admin");
        j.awaitDone(Duration.ofSeconds(60));
        job = j.id();
    }

    private long one(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** The path of a page for a role: its variables name resources the role may see. */
    String resolve(String pattern, Who who) {
        long enterprise = who == Who.PARK_OPERATOR ? parkFirm : quectel;
        String path = pattern;
        if (pattern.startsWith("/parks/{id}")) {
            path = path.replace("{id}", String.valueOf(park));
        } else if (pattern.startsWith("/parcels/{id}")) {
            path = path.replace("{id}", String.valueOf(parcel));
        } else if (pattern.startsWith("/enterprises/{id}")) {
            path = path.replace("{id}", String.valueOf(enterprise));
        } else if (pattern.startsWith("/evaluations/{id}")) {
            path = path.replace("{id}", String.valueOf(run)).replace("{enterprise}", String.valueOf(enterprise));
        } else if (pattern.startsWith("/chains/{id}")) {
            path = path.replace("{id}", chain).replace("{node}", node);
        } else if (pattern.startsWith("/import/jobs/{id}")) {
            path = path.replace("{id}", job);
        } else if (pattern.startsWith("/leads/{id}")) {
            path = path.replace("{id}", String.valueOf(lead));
        } else if (pattern.startsWith("/land/interventions/{id}")) {
            path = path.replace("{id}", String.valueOf(intervention));
        }
        if (path.contains("{")) {
            throw new AssertionError("The page sweep cannot fill in the path variables of " + pattern
                    + ": teach SweepData.resolve() which demo row they name");
        }
        return path;
    }

    /** The status a page answers: 200, but 422 for an import job whose file was refused, 404 for a firm not rated. */
    int status(String route, Who who) {
        if (route.equals("GET /import/jobs/{id}")) {
            return 422;
        }
        boolean unrated = route.equals("GET /evaluations/{id}/enterprises/{enterprise}") && who == Who.PARK_OPERATOR
                && !parkFirmRated;
        return unrated ? 404 : 200;
    }

    /**
     * Codes a user must never read raw: the constants of the enums shown on pages, every code the message files give a
     * name ({@code prefix.CODE=name}), and the codes stored in the database that are shown by name (audit actions,
     * departments, metrics, chains, the run's cohorts and indicators). Single letters (class A–D, GB/T 4754 sections) are words, not codes.
     */
    Set<String> codes() throws IOException {
        Set<String> codes = new TreeSet<>();
        List<Class<? extends Enum<?>>> shown = List.of(org.parkscope.core.evaluation.RunStatus.class,
                org.parkscope.shared.QualificationType.class, org.parkscope.access.Role.class,
                org.parkscope.importing.ImportKind.class, org.parkscope.importing.ImportReport.Status.class,
                org.parkscope.dashboard.QualificationGroup.class, org.parkscope.core.stats.SizeClass.class,
                org.parkscope.core.code.TownKind.class, org.parkscope.core.land.Obligation.Status.class,
                org.parkscope.core.chain.ChainNode.EdgeKind.class, org.parkscope.core.chain.Placement.Source.class,
                org.parkscope.core.chain.Placement.LinkStatus.class, org.parkscope.core.chain.Placement.Role.class,
                org.parkscope.core.chain.Stage.class, org.parkscope.core.chain.GapAnalysis.Flag.class,
                org.parkscope.core.chain.NodeScope.class, org.parkscope.core.evaluation.Scheme.Family.class,
                org.parkscope.core.evaluation.Scheme.VetoAction.class, org.parkscope.core.evaluation.Scheme.Missing.class);
        for (Class<? extends Enum<?>> e : shown) {
            for (Enum<?> c : e.getEnumConstants()) {
                codes.add(c.name());
            }
        }
        Properties messages = new Properties();
        try (InputStream in = SweepData.class.getResourceAsStream("/messages.properties")) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        for (String key : messages.stringPropertyNames()) {
            String last = key.substring(key.lastIndexOf('.') + 1);
            if (last.matches("[A-Z][A-Z0-9_]+")) {
                codes.add(last);
            }
        }
        codes.addAll(jdbc.sql("select distinct action from audit_log").query(String.class).list());
        codes.addAll(jdbc.sql("select distinct metric from indicator_value").query(String.class).list());
        codes.addAll(jdbc.sql("select distinct level from qualification where level is not null").query(String.class)
                .list());
        // Chain ids, except those that are words of the chains' own names (AI in 人工智能's "AI芯片").
        Set<String> nameWords = new TreeSet<>();
        jdbc.sql("select name from industry_chain union all select name from chain_node").query(String.class).list()
                .forEach(n -> nameWords.addAll(List.of(n.split("[^A-Za-z0-9_]+"))));
        jdbc.sql("select id from industry_chain").query(String.class).list().stream()
                .filter(id -> !nameWords.contains(id)).forEach(codes::add);
        for (org.parkscope.core.evaluation.Scheme.Cohort c : scheme.cohorts()) { // the run's cohorts and indicators
            codes.add(c.code());
            c.indicators().forEach(i -> codes.add(i.code()));
        }
        // A code that is also a word of the platform's own texts (SRDI in "SRDI SME", NEV in an English name) is a word.
        Set<String> textWords = new TreeSet<>();
        for (String file : List.of("/messages.properties", "/messages_en.properties")) {
            Properties texts = new Properties();
            try (InputStream in = SweepData.class.getResourceAsStream(file)) {
                texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            texts.values().forEach(v -> textWords.addAll(List.of(String.valueOf(v).split("[^A-Za-z0-9_]+"))));
        }
        codes.removeAll(textWords);
        codes.removeIf(c -> c.length() < 2 || !c.matches("[A-Z][A-Z0-9_]*"));
        return codes;
    }
}
