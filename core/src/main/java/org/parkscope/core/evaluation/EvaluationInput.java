package org.parkscope.core.evaluation;

import java.util.HashMap;
import java.util.Map;

/**
 * The data of a run, column by column: one entry per enterprise in every array. Metrics are in the units the scheme
 * expects; a missing value is {@link Double#NaN}. The input is a snapshot: store it with the run to reproduce it.
 */
public final class EvaluationInput {

    final String[] ids;
    final String[] names;
    final boolean[] aboveScale;
    final double[] landMu;
    final Map<String, double[]> metrics = new HashMap<>();
    String[] industries;
    final Map<Integer, EvaluationInput> references = new HashMap<>();

    public EvaluationInput(String[] ids, String[] names, boolean[] aboveScale, double[] landMu) {
        int n = ids.length;
        if (names.length != n || aboveScale.length != n || landMu.length != n) {
            throw new IllegalArgumentException("all columns need one value per enterprise");
        }
        this.ids = ids;
        this.names = names;
        this.aboveScale = aboveScale;
        this.landMu = landMu;
        metrics.put("LAND_MU", landMu);
    }

    public EvaluationInput metric(String code, double[] values) {
        if (values.length != ids.length) {
            throw new IllegalArgumentException("metric " + code + " needs one value per enterprise");
        }
        metrics.put(code, values);
        return this;
    }

    /** GB/T 4754 codes, needed by schemes that rank within industry groups. */
    public EvaluationInput industries(String[] codes) {
        if (codes.length != ids.length) {
            throw new IllegalArgumentException("industries need one code per enterprise");
        }
        this.industries = codes;
        return this;
    }

    /**
     * The data of another year — its enterprises, land and figures, in the same units — for indicators whose
     * benchmark is a multiple of that year's cohort mean or median (Huai'an: 2 × the previous year's average).
     */
    public EvaluationInput reference(int year, EvaluationInput data) {
        references.put(year, data);
        return this;
    }

    public int size() {
        return ids.length;
    }

    double[] column(String code) {
        double[] c = metrics.get(code);
        if (c == null) {
            throw new IllegalArgumentException("数据中没有指标 " + code + " / the data has no metric " + code);
        }
        return c;
    }
}
