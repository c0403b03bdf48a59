package org.parkscope.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An audit entry's before/after (stored as JSON) as the audit page shows it: one line per field, named by its
 * {@code audit.field.*} message where there is one, the value as it was stored. Templates call it as
 * {@code @auditWords}.
 */
@Component("auditWords")
public class AuditWords {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final MessageSource messages;

    AuditWords(MessageSource messages) {
        this.messages = messages;
    }

    public record Field(String name, String value) {}

    public List<Field> fields(@Nullable String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        JsonNode node = JSON.readTree(json);
        if (!node.isObject()) {
            return List.of(new Field("", text(node)));
        }
        List<Field> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String name = messages.getMessage("audit.field." + e.getKey(), null, e.getKey(),
                    LocaleContextHolder.getLocale());
            out.add(new Field(name, text(e.getValue())));
        }
        return out;
    }

    private static String text(JsonNode v) {
        return v.isNull() ? "—" : v.isValueNode() ? v.asString() : v.toString();
    }
}
