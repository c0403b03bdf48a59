package org.parkscope.evaluation;

/**
 * For tests that need a run in 公示: acknowledges every open pre-publication finding of the run, each with a reason,
 * through the same service an administrator's form uses (so it is audited). The rule itself is tested in
 * {@code PublicationChecksIT}.
 */
public final class Findings {

    private Findings() {}

    public static void acknowledgeAll(EvaluationService evaluations, long run) {
        for (long finding : evaluations.unacknowledgedChecks(run)) {
            evaluations.acknowledge(run, finding, "reviewed for the test", "test");
        }
    }
}
