package org.parkscope.chain;

import org.jspecify.annotations.Nullable;
import org.parkscope.core.chain.Chain;
import org.parkscope.core.chain.ChainNode;
import org.parkscope.shared.Refusal;
import org.springframework.stereotype.Component;

/** What the chain controllers read from a request's path and parameters: the year, the chain, the node, the page. */
@Component
class ChainRequests {

    private final ChainService chains;
    private final ChainAnalysis analysis;

    ChainRequests(ChainService chains, ChainAnalysis analysis) {
        this.chains = chains;
        this.analysis = analysis;
    }

    int year(@Nullable Integer year) {
        int y = year == null ? analysis.defaultYear() : year;
        if (y < 1990 || y > 2100) {
            throw Refusal.notFound("year", y);
        }
        return y;
    }

    Chain chain(String id) {
        return chains.chain(id);
    }

    ChainNode node(Chain chain, String node) {
        return chain.node(node).orElseThrow(() -> Refusal.notFound("node", node));
    }

    /** Pages of {@link ChainAnalysis#PAGE_SIZE} rows for a total (at least one, so an empty list shows page 1 of 1). */
    static int pages(long total) {
        return (int) Math.max(1, (total + ChainAnalysis.PAGE_SIZE - 1) / ChainAnalysis.PAGE_SIZE);
    }
}
