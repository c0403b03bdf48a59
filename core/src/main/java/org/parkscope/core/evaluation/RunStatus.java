package org.parkscope.core.evaluation;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an evaluation run stands in the yearly process, and which steps each state allows. A run starts RUNNING (its
 * snapshot and scoring happen in the background) and ends FAILED, or in LAND_PUBLICISED (land areas published for
 * objection first) or SCORED; then 公示 (PUBLICISED), and from there either FINAL or SUPERSEDED by a recalculated
 * version. A recalculated version starts PUBLICISED, in the window of the version it replaces.
 */
public enum RunStatus {
    RUNNING, FAILED, LAND_PUBLICISED, SCORED, PUBLICISED, FINAL, SUPERSEDED;

    /** The states this one may move to. */
    public Set<RunStatus> next() {
        return switch (this) {
            case RUNNING -> EnumSet.of(FAILED, LAND_PUBLICISED, SCORED);
            case LAND_PUBLICISED -> EnumSet.of(SCORED);
            case SCORED -> EnumSet.of(PUBLICISED);
            case PUBLICISED -> EnumSet.of(FINAL, SUPERSEDED);
            case FAILED, FINAL, SUPERSEDED -> EnumSet.noneOf(RunStatus.class);
        };
    }

    public boolean canMoveTo(RunStatus target) {
        return next().contains(target);
    }

    /** Still being computed: show progress, not results. */
    public boolean isRunning() {
        return this == RUNNING;
    }

    public boolean isFailed() {
        return this == FAILED;
    }

    /** Land areas confirmed after their publicity: the run can be scored now. */
    public boolean canScore() {
        return this == LAND_PUBLICISED;
    }

    public boolean canPublish() {
        return canMoveTo(PUBLICISED);
    }

    public boolean canRecalculate() {
        return canMoveTo(SUPERSEDED);
    }

    public boolean canFinalise() {
        return canMoveTo(FINAL);
    }

    /** Objections may be filed (within the window): during the 公示, or against land areas during their publicity. */
    public boolean acceptsObjections() {
        return this == PUBLICISED || this == LAND_PUBLICISED;
    }

    /** Only land areas may be disputed in this state. */
    public boolean landOnly() {
        return this == LAND_PUBLICISED;
    }

    /**
     * Published to the evaluated firms: land areas under publicity, the 公示 and the final result. A scored draft is
     * the office's own until it is publicised; a superseded version gave way to its recalculation.
     */
    public boolean shownToEnterprises() {
        return this == LAND_PUBLICISED || this == PUBLICISED || this == FINAL;
    }

    /** Has a ranking with classes (what the map and other pages may show). */
    public boolean hasResults() {
        return this == SCORED || this == PUBLICISED || this == FINAL || this == SUPERSEDED;
    }
}
