package org.parkscope.core.land;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The checks on one parcel's registry data, each with its reason: the drawn polygon's area against the certificate
 * area, leased area above the floor area, tenants registered or paying tax outside the town. Overlaps between parcels
 * come from {@link SpatialIndex#overlaps}.
 */
public final class ParcelChecks {

    /** A difference between polygon and certificate above this share is flagged (5 %). */
    public static final double AREA_TOLERANCE = 0.05;

    private ParcelChecks() {}

    /** A tenant of the parcel and where it is registered and pays tax. */
    public record Tenant(String name, double leasedM2, boolean registeredInTown, boolean paysTaxInTown) {}

    public static List<Finding> check(double certificateM2, Double polygonM2, double floorAreaM2, double leasedM2,
            List<Tenant> tenants) {
        List<Finding> out = new ArrayList<>();
        if (polygonM2 == null) {
            out.add(new Finding("NO_POLYGON", "宗地没有图形，无法核对面积", "The parcel has no polygon; its area cannot be checked"));
        } else if (certificateM2 > 0) {
            double diff = (polygonM2 - certificateM2) / certificateM2;
            if (Math.abs(diff) > AREA_TOLERANCE) {
                out.add(new Finding("AREA_MISMATCH",
                        String.format(Locale.ROOT, "图形面积 %.2f m² 与证载面积 %.2f m² 相差 %+.1f%%（超过 5%%）", polygonM2,
                                certificateM2, diff * 100),
                        String.format(Locale.ROOT, "Polygon area %.2f m² differs from the certificate's %.2f m² by %+.1f%%"
                                + " (more than 5%%)", polygonM2, certificateM2, diff * 100)));
            }
        }
        if (leasedM2 > floorAreaM2 + 0.005) {
            out.add(new Finding("LEASED_ABOVE_FLOOR",
                    String.format(Locale.ROOT, "出租面积 %.2f m² 超过建筑面积 %.2f m²", leasedM2, floorAreaM2),
                    String.format(Locale.ROOT, "Leased area %.2f m² exceeds the floor area %.2f m²", leasedM2, floorAreaM2)));
        }
        for (Tenant t : tenants) {
            if (!t.registeredInTown()) {
                out.add(new Finding("TENANT_REGISTERED_OUTSIDE", "承租企业“" + t.name() + "”注册在镇外",
                        "Tenant " + t.name() + " is registered outside the town"));
            }
            if (!t.paysTaxInTown()) {
                out.add(new Finding("TENANT_TAX_OUTSIDE",
                        String.format(Locale.ROOT, "承租企业“%s”（租用 %.2f m²）在镇外纳税", t.name(), t.leasedM2()),
                        String.format(Locale.ROOT, "Tenant %s (leasing %.2f m²) pays its tax outside the town", t.name(),
                                t.leasedM2())));
            }
        }
        return out;
    }

    /** The finding for an overlap with another parcel. */
    public static Finding overlap(String otherCertificate, double areaM2) {
        return new Finding("OVERLAP",
                String.format(Locale.ROOT, "与宗地 %s 重叠 %.2f m²", otherCertificate, areaM2),
                String.format(Locale.ROOT, "Overlaps parcel %s by %.2f m²", otherCertificate, areaM2));
    }
}
