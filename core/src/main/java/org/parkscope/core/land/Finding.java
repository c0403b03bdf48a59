package org.parkscope.core.land;

/**
 * One reason found on a parcel, in Chinese and English, with a stable code for filters and exports.
 *
 * @param code a stable identifier such as {@code AREA_MISMATCH} or {@code NO_TAX}
 */
public record Finding(String code, String zh, String en) {

    public String text(boolean english) {
        return english ? en : zh;
    }
}
