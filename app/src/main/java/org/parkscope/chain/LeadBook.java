package org.parkscope.chain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.parkscope.audit.AuditLog;
import org.parkscope.core.validate.Limits.Kind;
import org.parkscope.shared.Inputs;
import org.parkscope.shared.RecordRows;
import org.parkscope.shared.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work on 招商 leads: who owns each (a town staff account), whom to contact, when to follow up next, and the
 * lead's dated history — every follow-up, status change and change of owner or contact, with who recorded it.
 */
@Service
public class LeadBook {

    /** A town staff account a lead can be given to. */
    public record Owner(long id, String displayName) {}

    /** A lead as the list and its page show it; {@code overdue}: an open lead whose follow-up date has passed. */
    public record Row(long id, String firmName, @Nullable String symbol, @Nullable String chainId,
            @Nullable String nodeId, @Nullable String nodeName, @Nullable String parkName, @Nullable String spaceLabel,
            String status, @Nullable String note, @Nullable Long ownerId, @Nullable String ownerName,
            @Nullable String contactName, @Nullable String contactPhone, @Nullable LocalDate nextFollowUp,
            @Nullable LocalDate lastEvent, boolean overdue) {}

    /** One entry of a lead's history. */
    public record Event(long id, LocalDate happenedOn, String kind, @Nullable String status, @Nullable String note,
            String actor) {}

    /** The list's filter: one owner (0 for leads nobody owns), overdue only, and the order. */
    public record Filter(@Nullable Long owner, boolean overdue, String sort) {
        static final Map<String, String> ORDERS = Map.of(
                "followUp", "l.next_follow_up asc nulls last, l.id desc",
                "owner", "u.display_name asc nulls last, l.next_follow_up asc nulls last, l.id desc",
                "status", "array_position(array['NEW','CONTACTED','VISITING','NEGOTIATING','SIGNED','DROPPED'],"
                        + " l.status::text), l.id desc",
                "id", "l.id desc");

        String order() {
            return ORDERS.getOrDefault(sort, ORDERS.get("id"));
        }
    }

    static final List<String> SORTS = List.of("id", "followUp", "owner", "status");

    private static final String SELECT = """
            select l.id, t.name as firm_name, t.symbol, l.chain_id, l.node_id, n.name as node_name, p.name as park_name,
                   fs.label as space_label, l.status, l.note, l.owner_id, u.display_name as owner_name, l.contact_name,
                   l.contact_phone, l.next_follow_up,
                   (select max(e.happened_on) from investment_lead_event e where e.lead_id = l.id) as last_event,
                   coalesce(l.next_follow_up < :today and l.status not in ('SIGNED', 'DROPPED'), false) as overdue
            from investment_lead l join target_firm t on t.id = l.target_firm_id
            left join chain_node n on n.id = l.node_id left join park p on p.id = l.park_id
            left join floor_space fs on fs.id = l.floor_space_id
            left join app_user u on u.id = l.owner_id
            """;

    private final JdbcClient jdbc;
    private final AuditLog audit;

    public LeadBook(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The accounts that may own a lead: enabled town staff, by name. */
    public List<Owner> owners() {
        return jdbc.sql("select id, display_name from app_user where role in ('TOWN_ADMIN', 'TOWN_ANALYST') and enabled"
                + " order by display_name, id").query(RecordRows.of(Owner.class)).list();
    }

    public List<Row> list(Filter f, LocalDate today) {
        return jdbc.sql(SELECT + """
                where (cast(:owner as bigint) is null or coalesce(l.owner_id, 0) = :owner)
                  and (not :overdue or (l.next_follow_up < :today and l.status not in ('SIGNED', 'DROPPED')))
                order by """ + " " + f.order()).param("today", today).param("owner", f.owner())
                .param("overdue", f.overdue()).query(RecordRows.of(Row.class)).list();
    }

    public Optional<Row> lead(long id, LocalDate today) {
        return jdbc.sql(SELECT + " where l.id = :id").param("today", today).param("id", id)
                .param("owner", (Object) null).query(RecordRows.of(Row.class)).optional();
    }

    /** The lead's history, newest first; the actor shown by name where the account still exists. */
    public List<Event> history(long id) {
        return jdbc.sql("""
                select e.id, e.happened_on, e.kind, e.status, e.note, coalesce(u.display_name, e.actor) as actor
                from investment_lead_event e left join app_user u on u.username = e.actor
                where e.lead_id = ? order by e.happened_on desc, e.id desc
                """).param(id).query(RecordRows.of(Event.class)).list();
    }

    /** Gives the lead an owner, a contact and a next follow-up date (each may be cleared). */
    @Transactional
    public void assign(long id, @Nullable Long ownerId, @Nullable String contactName, @Nullable String contactPhone,
            @Nullable LocalDate nextFollowUp, String actor) {
        Inputs.check().text("contactName", Kind.NAME, contactName).text("contactPhone", Kind.CODE, contactPhone)
                .require("contactPhone", contactPhone == null || contactPhone.isBlank()
                        || contactPhone.strip().matches("[0-9+()\\- ]{5,30}"), "leads.refused.phone")
                .require("owner", ownerId == null || owners().stream().anyMatch(o -> o.id() == ownerId),
                        "leads.refused.owner")
                .date("nextFollowUp", nextFollowUp).orThrow();
        Map<String, Object> before = current(id);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("owner_id", ownerId);
        after.put("contact_name", blank(contactName));
        after.put("contact_phone", blank(contactPhone));
        after.put("next_follow_up", nextFollowUp == null ? null : nextFollowUp.toString());
        jdbc.sql("update investment_lead set owner_id = ?, contact_name = ?, contact_phone = ?, next_follow_up = ?,"
                + " updated_at = now() where id = ?").params(ownerId, blank(contactName), blank(contactPhone),
                        nextFollowUp, id).update();
        String owner = ownerId == null ? null : owners().stream().filter(o -> o.id() == ownerId).findFirst()
                .map(Owner::displayName).orElse(null);
        if (!java.util.Objects.equals(before.get("owner_id"), ownerId)) {
            event(jdbc, id, LocalDate.now(), "ASSIGNED", null, owner, actor);
        }
        if (!java.util.Objects.equals(before.get("contact_name"), blank(contactName))
                || !java.util.Objects.equals(before.get("contact_phone"), blank(contactPhone))) {
            event(jdbc, id, LocalDate.now(), "CONTACT", null, join(blank(contactName), blank(contactPhone)), actor);
        }
        audit.record("UPDATE", "investment_lead", id, (Long) before.get("park_id"), null, strip(before), after);
    }

    /**
     * Records a follow-up on a day (not in the future): what happened, optionally the status it led to and the next
     * follow-up date.
     */
    @Transactional
    public void followUp(long id, LocalDate happenedOn, @Nullable String note, @Nullable String status,
            @Nullable LocalDate next, String actor) {
        Inputs.check().date("happenedOn", happenedOn).text("note", Kind.LINE, note)
                .require("note", note != null && !note.isBlank(), "leads.refused.note")
                .require("happenedOn", !happenedOn.isAfter(LocalDate.now()), "leads.refused.future")
                .require("status", status == null || status.isBlank() || TargetService.LEAD_STATUSES.contains(status),
                        "leads.refused.status")
                .date("nextFollowUp", next).order("happenedOn", happenedOn, next).orThrow();
        Map<String, Object> before = current(id);
        String newStatus = status == null || status.isBlank() ? (String) before.get("status") : status;
        jdbc.sql("update investment_lead set status = ?, next_follow_up = ?, updated_at = now() where id = ?")
                .params(newStatus, next, id).update();
        event(jdbc, id, happenedOn, "FOLLOW_UP", newStatus.equals(before.get("status")) ? null : newStatus,
                note.strip(), actor);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", newStatus);
        after.put("next_follow_up", next == null ? null : next.toString());
        after.put("follow_up", happenedOn + " " + note.strip());
        Map<String, Object> was = new LinkedHashMap<>();
        was.put("status", before.get("status"));
        was.put("next_follow_up", before.get("next_follow_up") == null ? null : before.get("next_follow_up").toString());
        audit.record("UPDATE", "investment_lead", id, (Long) before.get("park_id"), null, was, after);
    }

    /** Adds an entry to a lead's history (the one writer of {@code investment_lead_event}). */
    static void event(JdbcClient jdbc, long leadId, LocalDate on, String kind, @Nullable String status,
            @Nullable String note, String actor) {
        jdbc.sql("insert into investment_lead_event(lead_id, happened_on, kind, status, note, actor)"
                + " values (?, ?, ?, ?, ?, ?)").params(leadId, on, kind, status, note, actor).update();
    }

    private Map<String, Object> current(long id) {
        return jdbc.sql("select status, park_id, owner_id, contact_name, contact_phone, next_follow_up from investment_lead"
                + " where id = ? for update").param(id).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> Refusal.notFound("lead", id));
    }

    private static Map<String, Object> strip(Map<String, Object> row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("owner_id", row.get("owner_id"));
        m.put("contact_name", row.get("contact_name"));
        m.put("contact_phone", row.get("contact_phone"));
        m.put("next_follow_up", row.get("next_follow_up") == null ? null : row.get("next_follow_up").toString());
        return m;
    }

    private static @Nullable String join(@Nullable String a, @Nullable String b) {
        return a == null ? b : b == null ? a : a + " " + b;
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
