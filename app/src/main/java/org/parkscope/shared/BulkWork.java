package org.parkscope.shared;

/**
 * The setting of a transaction that sorts and hashes a whole file's or a whole town's rows at once (an import, an
 * evaluation run's snapshot): with PostgreSQL's default 4 MB per sort or hash, a city's snapshot spills to disk.
 */
public final class BulkWork {

    /** Run first in the transaction; it ends with it. */
    public static final String SET_WORK_MEM = "set local work_mem = '256MB'";

    private BulkWork() {}
}
