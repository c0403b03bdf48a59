package org.parkscope.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parkscope.shared.ClusterFigures;
import org.parkscope.park.ParkQueries.ParkSummary;
import org.parkscope.shared.TownContext;
import org.parkscope.access.CurrentScope;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The town dashboard (home page) and its figures as JSON. */
@Controller
class DashboardController {

    private final TownDashboard dashboard;
    private final TownContext town;
    private final CurrentScope scope;
    private final MessageSource messages;
    private final org.parkscope.land.LandSummary land;

    DashboardController(TownDashboard dashboard, TownContext town, CurrentScope scope, MessageSource messages,
            org.parkscope.land.LandSummary land) {
        this.land = land;
        this.dashboard = dashboard;
        this.town = town;
        this.scope = scope;
        this.messages = messages;
    }

    @GetMapping("/")
    String home(@RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
            Model model) {
        var account = scope.account().orElse(null);
        if (account != null && account.role() == org.parkscope.access.Role.ENTERPRISE_USER) {
            return "redirect:/enterprises/" + account.enterpriseId();
        }
        if (account != null && account.role() == org.parkscope.access.Role.AUDITOR) {
            return "redirect:/audit";
        }
        TownDashboard.Figures f = figures(year, asOf);
        model.addAttribute("town", town.town().orElse(null));
        model.addAttribute("f", f);
        model.addAttribute("chart", chartData(f));
        model.addAttribute("land", land.figures(scope.get(), f.year()));
        return "dashboard";
    }

    @GetMapping("/api/dashboard")
    @ResponseBody
    TownDashboard.Figures api(@RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
        return figures(year, asOf);
    }

    private TownDashboard.Figures figures(@Nullable Integer year, @Nullable LocalDate asOf) {
        LocalDate date = asOf != null ? asOf : town.asOf();
        return dashboard.figures(scope.get(), year != null ? year : date.getYear() - 1, date);
    }

    /** Series for the three charts, already in display units (亿元, counts, 万元/亩). */
    private Map<String, Object> chartData(TownDashboard.Figures f) {
        List<String> clusterNames = new ArrayList<>();
        List<Double> clusterRevenue = new ArrayList<>();
        List<Double> clusterOutput = new ArrayList<>();
        for (ClusterFigures.ClusterFigure c : f.clusters()) {
            clusterNames.add(c.name());
            clusterRevenue.add(c.revenueWan().doubleValue() / 10_000);
            clusterOutput.add(c.outputWan().doubleValue() / 10_000);
        }
        List<String> qualNames = new ArrayList<>();
        List<Long> qualCounts = new ArrayList<>();
        f.qualified().forEach((g, n) -> {
            qualNames.add(messages.getMessage(g.messageKey(), null, LocaleContextHolder.getLocale()));
            qualCounts.add(n);
        });
        List<ParkSummary> parks = f.parks();
        return Map.of(
                "clusterNames", clusterNames, "clusterRevenue", clusterRevenue, "clusterOutput", clusterOutput,
                "qualNames", qualNames, "qualCounts", qualCounts,
                "parkNames", parks.stream().map(ParkSummary::name).toList(),
                "parkIds", parks.stream().map(ParkSummary::id).toList(),
                "parkTaxPerMu", parks.stream().map(p -> p.taxPerMu().doubleValue()).toList());
    }
}
