/**
 * Industry chains and clusters on the registry: chain definitions loaded from YAML into the database, edited and
 * exported back; enterprises placed on nodes with their evidence, a review queue and manual decisions that survive
 * recomputation; per-node analysis, gaps, 链主 candidates and designations; the 补链 target pool and 招商 leads.
 * The rules themselves (matching, gaps, scoring) are in {@code org.parkscope.core.chain}.
 */
package org.parkscope.chain;
