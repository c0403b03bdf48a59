package org.parkscope.land;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.parkscope.shared.GeoJson;
import org.springframework.stereotype.Component;

/**
 * Every parcel's outline, parsed once per version of the land data (the map's {@link LandVersion}) and kept in an
 * R-tree, so that a parcel page finds the neighbours its polygon may overlap without reading and parsing the whole
 * town's polygons on every request.
 */
@Component
class ParcelOutlines {

    /** A parcel's outline: its park and certificate for naming it, its polygon in longitude and latitude. */
    record Outline(long id, long parkId, String certificateNo, Geometry geometry) {}

    private record Kept(String version, STRtree tree) {}

    private final LandQueries land;
    private final LandVersion version;
    private final GeometryFactory gf = new GeometryFactory();
    private volatile Kept kept;

    ParcelOutlines(LandQueries land, LandVersion version) {
        this.land = land;
        this.version = version;
    }

    /** The parcels whose outlines' boxes touch {@code box}; outlines that cannot be read are left out. */
    List<Outline> touching(Envelope box) {
        List<Outline> out = new ArrayList<>();
        for (Object o : current().tree().query(box)) {
            Outline outline = (Outline) o;
            if (outline.geometry().getEnvelopeInternal().intersects(box)) {
                out.add(outline);
            }
        }
        return out;
    }

    private Kept current() {
        String v = version.current();
        Kept k = kept;
        if (k == null || !k.version().equals(v)) {
            STRtree tree = new STRtree();
            for (LandQueries.Outline o : land.outlines()) {
                Geometry g;
                try {
                    g = GeoJson.readPolygonal(o.geometry(), gf);
                } catch (IllegalArgumentException e) {
                    continue;
                }
                tree.insert(g.getEnvelopeInternal(), new Outline(o.id(), o.parkId(), o.certificateNo(), g));
            }
            tree.build();
            k = new Kept(v, tree);
            kept = k;
        }
        return k;
    }
}
