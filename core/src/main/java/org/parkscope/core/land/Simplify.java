package org.parkscope.core.land;

import java.util.ArrayList;
import java.util.List;

/**
 * Simplifies outlines for drawing at a zoom level: Douglas–Peucker on a ring of lon/lat points with the tolerance in
 * metres (measured in a local equirectangular projection), coordinates rounded to 6 decimals (about 0.1 m). A ring keeps
 * its first point, stays closed and keeps at least four points (a triangle), so every polygon stays drawable.
 */
public final class Simplify {

    /** The coarsest and the finest level; the finest keeps every point. */
    public static final int COARSEST = 0;
    public static final int FINEST = 4;

    private Simplify() {}

    /** The tolerance for a level: 4 m at level 0, halved per level, 0 (exact) at {@link #FINEST}. */
    public static double toleranceM(int level) {
        int l = Math.max(COARSEST, Math.min(FINEST, level));
        return l == FINEST ? 0 : 4.0 / (1 << l);
    }

    /** A closed ring (first point = last point) or a line of [lon, lat] points, simplified and rounded. */
    public static double[][] ring(double[][] points, double toleranceM) {
        int n = points.length;
        if (n == 0) {
            return points;
        }
        double lat0 = Math.toRadians(points[0][1]);
        double mx = 111_320 * Math.cos(lat0);
        double my = 110_540;
        boolean[] keep = new boolean[n];
        keep[0] = true;
        keep[n - 1] = true;
        if (toleranceM <= 0) {
            java.util.Arrays.fill(keep, true);
        } else {
            mark(points, 0, n - 1, toleranceM, mx, my, keep);
        }
        boolean closed = n > 3 && points[0][0] == points[n - 1][0] && points[0][1] == points[n - 1][1];
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                out.add(new double[] {round6(points[i][0]), round6(points[i][1])});
            }
        }
        // A closed ring keeps a triangle at least: put back the points farthest from the kept ones.
        while (closed && out.size() < 4 && out.size() < n) {
            int far = -1;
            double best = -1;
            for (int i = 1; i < n - 1; i++) {
                if (!keep[i]) {
                    double d = distance(points[i], points[0], points[0], mx, my);
                    if (d > best) {
                        best = d;
                        far = i;
                    }
                }
            }
            keep[far] = true;
            out.clear();
            for (int i = 0; i < n; i++) {
                if (keep[i]) {
                    out.add(new double[] {round6(points[i][0]), round6(points[i][1])});
                }
            }
        }
        return out.toArray(new double[0][]);
    }

    private static void mark(double[][] p, int from, int to, double tol, double mx, double my, boolean[] keep) {
        if (to <= from + 1) {
            return;
        }
        int far = -1;
        double best = -1;
        for (int i = from + 1; i < to; i++) {
            double d = distance(p[i], p[from], p[to], mx, my);
            if (d > best) {
                best = d;
                far = i;
            }
        }
        if (best > tol) {
            keep[far] = true;
            mark(p, from, far, tol, mx, my, keep);
            mark(p, far, to, tol, mx, my, keep);
        }
    }

    /** Distance in metres from point {@code p} to the segment a–b. */
    static double distance(double[] p, double[] a, double[] b, double mx, double my) {
        double px = (p[0] - a[0]) * mx;
        double py = (p[1] - a[1]) * my;
        double bx = (b[0] - a[0]) * mx;
        double by = (b[1] - a[1]) * my;
        double len = bx * bx + by * by;
        double t = len == 0 ? 0 : Math.max(0, Math.min(1, (px * bx + py * by) / len));
        return Math.hypot(px - t * bx, py - t * by);
    }

    static double round6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
