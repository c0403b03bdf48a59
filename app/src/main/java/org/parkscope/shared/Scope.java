package org.parkscope.shared;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What part of the town a query may see: the whole town, a set of parks, or one enterprise. Every registry query
 * takes a scope and binds it as parameters ({@link #allParks()}, {@link #parkIdArray()}, {@link #enterpriseId()}),
 * so access control can narrow any page, export or chart without changing its SQL.
 */
public record Scope(boolean allParks, Set<Long> parkIds, @Nullable Long enterpriseId) {

    public Scope {
        parkIds = Set.copyOf(parkIds);
    }

    public static Scope town() {
        return new Scope(true, Set.of(), null);
    }

    public static Scope parks(Set<Long> parkIds) {
        return new Scope(false, parkIds, null);
    }

    public static Scope enterprise(long enterpriseId) {
        return new Scope(true, Set.of(), enterpriseId);
    }

    public Long[] parkIdArray() {
        return parkIds.toArray(new Long[0]);
    }

    /**
     * The SQL condition for an enterprise alias and a park-id column, with named parameters
     * {@code :scopeAll}, {@code :scopeParks} and {@code :scopeEnterprise}.
     */
    public static String condition(String parkIdColumn, String enterpriseIdColumn) {
        return "(:scopeAll or " + parkIdColumn + " = any(cast(:scopeParks as bigint[])))"
                + " and (cast(:scopeEnterprise as bigint) is null or " + enterpriseIdColumn + " = :scopeEnterprise)";
    }

    /**
     * The park-only condition, for queries about parks rather than enterprises. An enterprise scope sees no park:
     * park figures add up other enterprises' confidential data.
     */
    public static String parkCondition(String parkIdColumn) {
        return "(:scopeAll or " + parkIdColumn + " = any(cast(:scopeParks as bigint[])))"
                + " and cast(:scopeEnterprise as bigint) is null";
    }
}
