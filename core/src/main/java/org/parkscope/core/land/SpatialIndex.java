package org.parkscope.core.land;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Polygons (parcels, parks, buildings) with ids in an STR-tree: which polygons contain a point, and which pairs overlap
 * by more than a tolerance. Geometries are lon/lat; areas come back in m².
 */
public final class SpatialIndex {

    /** A polygon with its id. */
    public record Shape(long id, Geometry lonLat) {}

    /** Two shapes overlapping by {@code areaM2}. */
    public record Overlap(long a, long b, double areaM2) {}

    private record Entry(Shape shape, PreparedGeometry prepared) {}

    private final STRtree tree = new STRtree();
    private final List<Entry> entries = new ArrayList<>();
    private final GeometryFactory gf = new GeometryFactory();

    public SpatialIndex(List<Shape> shapes) {
        for (Shape s : shapes) {
            Entry e = new Entry(s, PreparedGeometryFactory.prepare(s.lonLat()));
            entries.add(e);
            tree.insert(s.lonLat().getEnvelopeInternal(), e);
        }
        tree.build();
    }

    public int size() {
        return entries.size();
    }

    /** Ids of the shapes containing the point (on the boundary counts), ascending. */
    public List<Long> containing(double lon, double lat) {
        Point p = gf.createPoint(new Coordinate(lon, lat));
        List<Long> ids = new ArrayList<>();
        for (Object o : tree.query(p.getEnvelopeInternal())) {
            Entry e = (Entry) o;
            if (e.prepared().covers(p)) {
                ids.add(e.shape().id());
            }
        }
        ids.sort(Comparator.naturalOrder());
        return ids;
    }

    /**
     * Every pair of shapes whose intersection is larger than {@code toleranceM2} (shared edges and slivers from
     * rounding are not overlaps), each pair once with the smaller id first, ordered by ids.
     */
    public List<Overlap> overlaps(double toleranceM2) {
        List<Overlap> out = new ArrayList<>();
        for (Entry e : entries) {
            for (Object o : tree.query(e.shape().lonLat().getEnvelopeInternal())) {
                Entry other = (Entry) o;
                if (other.shape().id() <= e.shape().id() || !e.prepared().intersects(other.shape().lonLat())) {
                    continue;
                }
                Geometry inter = e.shape().lonLat().intersection(other.shape().lonLat());
                double area = inter.isEmpty() ? 0 : Geo.areaM2(inter);
                if (area > toleranceM2) {
                    out.add(new Overlap(e.shape().id(), other.shape().id(), area));
                }
            }
        }
        out.sort(Comparator.comparingLong(Overlap::a).thenComparingLong(Overlap::b));
        return out;
    }
}
