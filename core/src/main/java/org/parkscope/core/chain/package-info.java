/**
 * Industry chains (产业链) as data: chains and their nodes ({@link org.parkscope.core.chain.Chain}), the checks a chain
 * definition must pass ({@link org.parkscope.core.chain.ChainChecks}), placing enterprises on nodes from their own
 * texts, codes and certificates ({@link org.parkscope.core.chain.ChainMatcher}), gaps (缺链 / 弱链 / 断链风险,
 * {@link org.parkscope.core.chain.GapAnalysis}), 链主 candidates ({@link org.parkscope.core.chain.LeaderScoring}) and
 * 补链 targets ({@link org.parkscope.core.chain.TargetRanking}). Pure Java; thresholds and weights come in as values.
 */
package org.parkscope.core.chain;
