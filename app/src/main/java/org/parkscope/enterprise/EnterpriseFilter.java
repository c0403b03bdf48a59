package org.parkscope.enterprise;

import org.jspecify.annotations.Nullable;

/**
 * What the enterprise list is narrowed and ordered by. Blank strings mean "no filter"; unknown sort keys fall back to
 * tax, descending.
 *
 * @param q             part of the name or of the 统一社会信用代码
 * @param parkId        one park
 * @param industry      a GB/T 4754 prefix: a section letter (C) or 2–4 digits (39, 392, 3922)
 * @param aboveScale    规上 only (true), 规下 only (false), or both (null)
 * @param qualification a qualification type in force on the reporting date (HNTE, SRDI ...)
 * @param cluster       a cluster code
 * @param sort          tax, revenue, staff, name or uscc
 * @param desc          descending order
 * @param page          0-based page
 * @param size          rows a page (1–200)
 */
public record EnterpriseFilter(@Nullable String q, @Nullable Long parkId, @Nullable String industry,
        @Nullable Boolean aboveScale, @Nullable String qualification, @Nullable String cluster, @Nullable String sort,
        boolean desc, int page, int size) {

    public EnterpriseFilter {
        page = Math.max(0, page);
        size = size <= 0 ? 50 : Math.min(size, 200);
    }

    public static EnterpriseFilter all() {
        return new EnterpriseFilter(null, null, null, null, null, null, "tax", true, 0, 50);
    }

    String orderBy() {
        String column = switch (sort == null ? "tax" : sort) {
            case "name" -> "e.name";
            case "revenue" -> "revenue";
            case "staff" -> "staff";
            case "uscc" -> "e.uscc";
            default -> "tax";
        };
        return column + (desc ? " desc nulls last" : " asc nulls last") + ", e.id";
    }
}
