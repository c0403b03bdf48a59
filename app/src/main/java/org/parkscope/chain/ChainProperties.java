package org.parkscope.chain;

import org.parkscope.core.chain.GapAnalysis;
import org.parkscope.core.chain.LeaderScoring;
import org.parkscope.core.chain.MatchSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of chain placement, gaps and 链主 scoring ({@code parkscope.chains.*}); the defaults are those of
 * {@code shared/domain/chains.md} §10. The engine in core receives them as plain values.
 */
@ConfigurationProperties("parkscope.chains")
public record ChainProperties(@DefaultValue("0.80") double autoThreshold, @DefaultValue("0.45") double candidateThreshold,
        @DefaultValue("3") int maxAutoPerChain, @DefaultValue("0.05") double weakShare,
        @DefaultValue("0.35") double leaderScale, @DefaultValue("0.25") double leaderNetwork,
        @DefaultValue("0.20") double leaderMarket, @DefaultValue("0.10") double leaderInnovation,
        @DefaultValue("0.10") double leaderLocal, @DefaultValue("2.0") double clusterStrategicFit) {

    MatchSettings matchSettings() {
        MatchSettings d = MatchSettings.defaults();
        return new MatchSettings(autoThreshold, candidateThreshold, maxAutoPerChain, d.qualification(), d.fullCode(),
                d.partialCode(), d.products(), d.scopeLead(), d.scopeLater(), d.related(), d.name());
    }

    GapAnalysis.Settings gapSettings() {
        GapAnalysis.Settings d = GapAnalysis.Settings.defaults();
        return new GapAnalysis.Settings(weakShare, d.strongMinFirms(), d.decline());
    }

    LeaderScoring.Weights leaderWeights() {
        return new LeaderScoring.Weights(leaderScale, leaderNetwork, leaderMarket, leaderInnovation, leaderLocal);
    }
}
