package org.parkscope.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parkscope.shared.ClusterFigures;
import org.parkscope.park.ParkQueries.ParkSummary;
import org.parkscope.shared.TownContext;
import org.parkscope.access.Account;
import org.parkscope.access.CurrentScope;
import org.parkscope.access.Role;
import org.parkscope.shared.Scope;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The home page of each role (the town dashboard for town staff) and the town figures as JSON. */
@Controller
class DashboardController {

    private final TownDashboard dashboard;
    private final TownContext town;
    private final CurrentScope scope;
    private final MessageSource messages;
    private final org.parkscope.land.LandSummary land;
    private final HomeQueries queries;
    private final RoleHomes homes;

    DashboardController(TownDashboard dashboard, TownContext town, CurrentScope scope, MessageSource messages,
            org.parkscope.land.LandSummary land, HomeQueries queries, RoleHomes homes) {
        this.land = land;
        this.queries = queries;
        this.homes = homes;
        this.dashboard = dashboard;
        this.town = town;
        this.scope = scope;
        this.messages = messages;
    }

    /**
     * The home of the signed-in account's role: town staff the town overview, a park operator its parks, an
     * enterprise "我的企业", an auditor the audit trail. {@code year}: a year with figures (default: the latest
     * complete reporting year).
     */
    @GetMapping("/")
    String home(@RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
            Model model) {
        Account account = scope.account().orElse(null);
        Role role = account == null ? null : account.role();
        if (role == Role.AUDITOR) {
            return "redirect:/audit";
        }
        Scope s = scope.get();
        if (role == Role.ENTERPRISE_USER && account.enterpriseId() != null) {
            return homes.firm(s, account.enterpriseId(), year, model);
        }
        if (role == Role.PARK_OPERATOR) {
            return homes.park(s, year, model);
        }
        List<Integer> years = queries.years(s);
        LocalDate date = asOf != null ? asOf : town.asOf();
        int chosen = HomeQueries.chooseYear(years, date.getYear() - 1, year);
        TownDashboard.Figures f = dashboard.figures(s, chosen, date);
        TownDashboard.Trend t = dashboard.trend(s, f, years.contains(chosen - 1));
        model.addAttribute("town", town.town().orElse(null));
        model.addAttribute("years", years);
        model.addAttribute("year", chosen);
        model.addAttribute("f", f);
        model.addAttribute("t", t);
        model.addAttribute("c", queries.compared(s, chosen));
        model.addAttribute("chart", chartData(f, t));
        model.addAttribute("land", land.figures(s, f.year()));
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
    private Map<String, Object> chartData(TownDashboard.Figures f, TownDashboard.Trend t) {
        List<String> clusterNames = new ArrayList<>();
        List<Double> clusterRevenue = new ArrayList<>();
        List<Double> clusterOutput = new ArrayList<>();
        List<Double> clusterRevenueBefore = new ArrayList<>();
        for (ClusterFigures.ClusterFigure c : f.clusters()) {
            clusterNames.add(c.name());
            clusterRevenue.add(c.revenueWan().doubleValue() / 10_000);
            clusterOutput.add(c.outputWan().doubleValue() / 10_000);
            java.math.BigDecimal before = t.clusterRevenueBefore().get(c.code());
            clusterRevenueBefore.add(before == null ? null : before.doubleValue() / 10_000);
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
                "clusterRevenueBefore", t.clusterRevenueBefore().isEmpty() ? List.of() : clusterRevenueBefore,
                "qualNames", qualNames, "qualCounts", qualCounts,
                "parkNames", parks.stream().map(ParkSummary::name).toList(),
                "parkIds", parks.stream().map(ParkSummary::id).toList(),
                "parkTaxPerMu", parks.stream().map(p -> p.taxPerMu().doubleValue()).toList());
    }
}
