package org.parkscope.core.chain;

/**
 * Thresholds and evidence weights of the matcher (chains.md §10.4). Defaults are the documented ones; every value is
 * a setting, not a constant of the rules.
 */
public record MatchSettings(double autoThreshold, double candidateThreshold, int maxAutoPerChain, double qualification,
        double fullCode, double partialCode, double products, double scopeLead, double scopeLater, double related,
        double name) {

    public MatchSettings {
        if (!(candidateThreshold > 0 && candidateThreshold < autoThreshold && autoThreshold <= 1)) {
            throw new IllegalArgumentException("须 0 < candidate < auto ≤ 1 / thresholds must satisfy 0 < candidate < auto ≤ 1");
        }
        if (maxAutoPerChain < 1) {
            throw new IllegalArgumentException("maxAutoPerChain ≥ 1");
        }
    }

    public static MatchSettings defaults() {
        return new MatchSettings(0.80, 0.45, 3, 0.90, 0.55, 0.20, 0.60, 0.50, 0.35, 0.10, 0.15);
    }
}
