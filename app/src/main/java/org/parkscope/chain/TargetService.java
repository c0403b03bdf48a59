package org.parkscope.chain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.parkscope.audit.AuditLog;
import org.parkscope.core.chain.Chain;
import org.parkscope.core.code.Csv;
import org.parkscope.core.code.IndustryCodes;
import org.parkscope.shared.RecordRows;
import org.parkscope.shared.Refusal;
import org.parkscope.shared.UserMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outside pool the 补链 target list ({@link TargetList}) draws on, and the 招商 leads made from its targets.
 */
@Service
public class TargetService {

    /** The pool file's columns: name, security code, GB/T 4754 class, main business, region. */
    static final List<List<String>> HEADERS = List.of(List.of("名称", "企业名称", "简称", "name"),
            List.of("证券代码", "代码", "symbol"), List.of("行业代码", "industry_code"),
            List.of("主营业务", "经营范围", "business"), List.of("所在地", "地区", "region"));

    /** A pool file that cannot be stored, with every problem found. */
    public static final class PoolFileInvalid extends Refusal {
        PoolFileInvalid(List<UserMessage> problems) {
            super(Kind.REFUSED, UserMessage.of("targets.pool.invalid"), problems);
        }
    }

    static final List<String> LEAD_STATUSES = List.of("NEW", "CONTACTED", "VISITING", "NEGOTIATING", "SIGNED", "DROPPED");

    private final JdbcClient jdbc;
    private final ChainService chains;
    private final TargetList list;
    private final AuditLog audit;
    private final IndustryCodes codes = IndustryCodes.load();

    private final org.parkscope.shared.TownContext town;

    public TargetService(JdbcClient jdbc, ChainService chains, TargetList list, AuditLog audit,
            org.parkscope.shared.TownContext town) {
        this.town = town;
        this.jdbc = jdbc;
        this.chains = chains;
        this.list = list;
        this.audit = audit;
    }

    public String symbol(long targetFirmId) {
        return jdbc.sql("select coalesce(symbol, '') from target_firm where id = ?").param(targetFirmId).query(String.class)
                .optional().orElse("");
    }

    public long poolSize() {
        return jdbc.sql("select count(*) from target_firm").query(Long.class).single();
    }

    /** The fields of one line, or empty for a line whose quote is left open. */
    private static Optional<List<String>> fields(String line) {
        try {
            return Optional.of(Csv.split(line));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Imports a pool file (CSV, UTF-8): one firm a row, merged by name. The whole file is stored or nothing; every bad
     * row is reported with its line.
     */
    @Transactional
    public int importPool(InputStream in, String source, String actor) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
        String[] lines = text.split("\r?\n");
        if (lines.length < 2) {
            throw new PoolFileInvalid(List.of(UserMessage.of("targets.pool.empty")));
        }
        List<String> head = fields(lines[0]).orElseThrow(() -> new PoolFileInvalid(
                List.of(UserMessage.of("targets.pool.openQuote", "1"))));
        int[] col = new int[HEADERS.size()];
        List<UserMessage> problems = new ArrayList<>();
        for (int i = 0; i < HEADERS.size(); i++) {
            col[i] = -1;
            for (int j = 0; j < head.size(); j++) {
                if (HEADERS.get(i).contains(head.get(j).strip().toLowerCase(Locale.ROOT))
                        || HEADERS.get(i).contains(head.get(j).strip())) {
                    col[i] = j;
                }
            }
        }
        if (col[0] < 0 || col[3] < 0) {
            throw new PoolFileInvalid(List.of(UserMessage.of("targets.pool.columns")));
        }
        List<Object[]> rows = new ArrayList<>();
        for (int l = 1; l < lines.length; l++) {
            if (lines[l].isBlank()) {
                continue;
            }
            Optional<List<String>> split = fields(lines[l]);
            if (split.isEmpty()) {
                problems.add(UserMessage.of("targets.pool.openQuote", String.valueOf(l + 1)));
                continue;
            }
            List<String> cells = split.get();
            String name = cell(cells, col[0]);
            String code = cell(cells, col[2]);
            if (name.isEmpty()) {
                problems.add(UserMessage.of("targets.pool.noName", String.valueOf(l + 1)));
                continue;
            }
            if (!code.isEmpty() && codes.find(code).isEmpty()) {
                problems.add(UserMessage.of("targets.pool.industry", String.valueOf(l + 1), code));
                continue;
            }
            String symbol = cell(cells, col[1]);
            rows.add(new Object[] {name, symbol.isEmpty() ? null : symbol, code.isEmpty() ? null : code,
                cell(cells, col[3]), !symbol.isEmpty(), cell(cells, col[4]), source, actor});
        }
        if (!problems.isEmpty()) {
            throw new PoolFileInvalid(problems);
        }
        for (Object[] r : rows) {
            jdbc.sql("""
                    insert into target_firm(name, symbol, industry_code, business, listed, region, source, imported_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (name) do update set symbol = excluded.symbol, industry_code = excluded.industry_code,
                        business = excluded.business, listed = excluded.listed, region = excluded.region,
                        source = excluded.source, imported_at = now(), imported_by = excluded.imported_by
                    """).params(r).update();
        }
        audit.record("IMPORT", "target_firm", source, null, null, null, Map.of("rows", rows.size()));
        list.refresh();
        return rows.size();
    }

    private static String cell(List<String> cells, int i) {
        return i < 0 || i >= cells.size() ? "" : cells.get(i).strip();
    }

    /** Turns a target into a lead (and reserves the chosen space for it). */
    @Transactional
    public long createLead(long targetFirmId, @Nullable String chainId, @Nullable String nodeId, @Nullable Long floorSpaceId,
            @Nullable String note, String actor) {
        String firm = jdbc.sql("select name from target_firm where id = ?").param(targetFirmId).query(String.class)
                .optional().orElseThrow(() -> Refusal.of("targets.lead.noSuchTarget"));
        Long park = null;
        if (floorSpaceId != null) {
            // Lock the unit's row so two leads cannot reserve it at the same time.
            park = jdbc.sql("select park_id from floor_space where id = ? for update").param(floorSpaceId).query(Long.class)
                    .optional().orElseThrow(() -> Refusal.of("targets.lead.noSuchSpace"));
            boolean occupied = jdbc.sql("""
                    select count(*) from occupancy_at(?) o where o.floor_space_id = ?""").params(town.asOf(), floorSpaceId)
                    .query(Long.class).single() > 0;
            if (occupied) {
                throw Refusal.of("targets.lead.occupied");
            }
            List<Long> holding = jdbc.sql("select id from investment_lead where floor_space_id = ?"
                    + " and status not in ('SIGNED', 'DROPPED') order by id").param(floorSpaceId).query(Long.class).list();
            if (!holding.isEmpty()) {
                throw Refusal.of("targets.lead.reserved", String.valueOf(holding.get(0)));
            }
        }
        if (chainId != null && !chainId.isBlank()) {
            Chain c = chains.chain(chainId);
            if (nodeId != null && !nodeId.isBlank() && c.node(nodeId).isEmpty()) {
                throw Refusal.of("chains.refused.noSuchNode", nodeId);
            }
        }
        long id = jdbc.sql("""
                insert into investment_lead(target_firm_id, chain_id, node_id, park_id, floor_space_id, note, created_by)
                values (?, ?, ?, ?, ?, ?, ?) returning id
                """).params(targetFirmId, blank(chainId), blank(nodeId), park, floorSpaceId, blank(note), actor)
                .query(Long.class).single();
        LeadBook.event(jdbc, id, java.time.LocalDate.now(), "CREATED", "NEW", blank(note), actor);
        audit.record("CREATE", "investment_lead", id, park, null, null,
                Map.of("firm", firm, "node", nodeId == null ? "" : nodeId, "space", floorSpaceId == null ? "" : floorSpaceId));
        return id;
    }

    @Transactional
    public void updateLead(long id, String status, @Nullable String note) {
        if (!LEAD_STATUSES.contains(status)) {
            throw Refusal.of("targets.lead.status", status);
        }
        Map<String, Object> before = jdbc.sql("select status, note, park_id from investment_lead where id = ?").param(id)
                .query().listOfRows().stream().findFirst()
                .orElseThrow(() -> org.parkscope.shared.Refusal.notFound("lead", id));
        String newNote = blank(note) == null ? (String) before.get("note") : blank(note);
        jdbc.sql("update investment_lead set status = ?, note = ?, updated_at = now() where id = ?")
                .params(status, newNote, id).update();
        LeadBook.event(jdbc, id, java.time.LocalDate.now(), "STATUS", status, blank(note), ChainService.actor());
        Map<String, Object> was = new java.util.LinkedHashMap<>();
        was.put("status", before.get("status"));
        was.put("note", before.get("note"));
        Map<String, Object> now = new java.util.LinkedHashMap<>();
        now.put("status", status);
        now.put("note", newNote);
        audit.record("UPDATE", "investment_lead", id, (Long) before.get("park_id"), null, was, now);
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
