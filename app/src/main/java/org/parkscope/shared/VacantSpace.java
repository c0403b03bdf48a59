package org.parkscope.shared;

/**
 * "Floor space {@code fs} is vacant on :asOf", for the queries of any module (land's vacancy lists, the chains'
 * suggested spaces): V018's {@code vacant_floor_space} function is the one definition (no current occupancy names the
 * unit, no tenant is recorded on its building without a unit, the parcel's owner does not use it).
 */
public final class VacantSpace {

    public static final String CONDITION = "fs.id in (select v.id from vacant_floor_space(:asOf) v)";

    private VacantSpace() {}
}
