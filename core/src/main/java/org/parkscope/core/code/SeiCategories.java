package org.parkscope.core.code;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The category tree of 战略性新兴产业分类(2018) (国家统计局令第23号), loaded from the bundled table. Only the tree is
 * held here; the mapping to GB/T 4754 classes is many-to-many with partial (*) lines and belongs elsewhere, so an
 * industry code alone never decides SEI membership.
 */
public final class SeiCategories {

    static final String RESOURCE = "sei2018-categories.csv";

    private static volatile SeiCategories instance;

    private final Map<String, SeiCategory> byCode;
    private final List<SeiCategory> topLevel;

    private SeiCategories(List<SeiCategory> list) {
        Map<String, SeiCategory> map = new LinkedHashMap<>();
        for (SeiCategory c : list) {
            if (map.put(c.code(), c) != null) {
                throw new IllegalStateException("Duplicate SEI code in reference table: " + c.code());
            }
        }
        for (SeiCategory c : map.values()) {
            String parent = parentCode(c.code());
            if (parent != null && !map.containsKey(parent)) {
                throw new IllegalStateException("SEI code " + c.code() + " has no parent " + parent);
            }
        }
        this.byCode = Collections.unmodifiableMap(map);
        this.topLevel = map.values().stream().filter(c -> c.level() == 1).toList();
    }

    /** The bundled tree; loaded once and shared (the instance is immutable). */
    public static SeiCategories load() {
        SeiCategories local = instance;
        if (local == null) {
            synchronized (SeiCategories.class) {
                local = instance;
                if (local == null) {
                    local = new SeiCategories(read());
                    instance = local;
                }
            }
        }
        return local;
    }

    private static List<SeiCategory> read() {
        List<SeiCategory> list = new ArrayList<>();
        for (List<String> row : Csv.readResource(RESOURCE)) {
            if (row.size() < 4) {
                throw new IllegalStateException("Malformed row in " + RESOURCE + ": " + row);
            }
            String code = row.get(0).trim();
            int level = Integer.parseInt(row.get(1).trim());
            if (!code.matches("\\d+(\\.\\d+){0,2}") || code.split("\\.").length != level) {
                throw new IllegalStateException("Inconsistent row in " + RESOURCE + ": " + row);
            }
            list.add(new SeiCategory(code, level, row.get(2).trim(), "yes".equalsIgnoreCase(row.get(3).trim())));
        }
        return list;
    }

    /** Looks up a category by its dotted code (surrounding whitespace ignored). */
    public Optional<SeiCategory> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code.strip()));
    }

    /** The nine top-level industries, in official order. */
    public List<SeiCategory> topLevel() {
        return topLevel;
    }

    /** Parent category ({@code 1.1} for {@code 1.1.1}); empty for a top-level or unknown code. */
    public Optional<SeiCategory> parent(String code) {
        if (code == null || !byCode.containsKey(code.strip())) {
            return Optional.empty();
        }
        String p = parentCode(code.strip());
        return p == null ? Optional.empty() : find(p);
    }

    /** Direct children of a category, in table order. */
    public List<SeiCategory> children(String code) {
        if (code == null) {
            return List.of();
        }
        String c = code.strip();
        return byCode.values().stream().filter(s -> c.equals(parentCode(s.code()))).toList();
    }

    private static String parentCode(String code) {
        int dot = code.lastIndexOf('.');
        return dot < 0 ? null : code.substring(0, dot);
    }
}
