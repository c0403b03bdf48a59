package org.parkscope.shared;

/**
 * "Floor space {@code fs} is vacant on :asOf", for the queries of any module (land's vacancy lists, the chains'
 * suggested spaces): V018's {@code vacant_floor_space} function is the one definition (no current occupancy names the
 * unit, no tenant is recorded on its building without a unit, the parcel's owner does not use it); V022's
 * {@code vacant_units} reads the units it found on the reporting date from where they are kept, and computes any other
 * date.
 */
public final class VacantSpace {

    public static final String CONDITION = "fs.id in (select v.id from vacant_units(:asOf) v)";

    private VacantSpace() {}
}
