package org.parkscope.enterprise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parkscope.shared.ParkOptions;
import org.parkscope.shared.TownContext;
import org.parkscope.access.CurrentScope;
import org.parkscope.shared.Refusal;
import org.parkscope.shared.Sheets;
import org.parkscope.shared.UserMessage;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The enterprise list (paged, filtered, sorted) and an enterprise's page, and the same data as JSON. */
@Controller
class EnterpriseController {

    private final EnterpriseQueries enterprises;
    private final ParkOptions parks;
    private final TownContext town;
    private final CurrentScope scope;
    private final org.parkscope.chain.ChainAnalysis chainAnalysis;

    EnterpriseController(EnterpriseQueries enterprises, ParkOptions parks, TownContext town, CurrentScope scope,
            org.parkscope.chain.ChainAnalysis chainAnalysis) {
        this.chainAnalysis = chainAnalysis;
        this.enterprises = enterprises;
        this.parks = parks;
        this.town = town;
        this.scope = scope;
    }

    @GetMapping("/enterprises")
    String list(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Long park,
            @RequestParam(required = false) @Nullable String industry,
            @RequestParam(required = false) @Nullable Boolean above,
            @RequestParam(required = false) @Nullable String qual,
            @RequestParam(required = false) @Nullable String cluster,
            @RequestParam(defaultValue = "tax") String sort,
            @RequestParam(defaultValue = "desc") String dir,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            Model model) {
        EnterpriseFilter f = new EnterpriseFilter(q, park, industry, above, qual, cluster, sort, !"asc".equals(dir),
                page, size);
        int year = town.referenceYear();
        model.addAttribute("year", year);
        model.addAttribute("filter", f);
        model.addAttribute("result", enterprises.list(scope.get(), f, year, town.asOf()));
        model.addAttribute("parks", parks.list(scope.get()));
        return "enterprises";
    }

    /** The list as a workbook, with the filters of the page it was asked from (every row, not one page). */
    @GetMapping("/enterprises.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Long park,
            @RequestParam(required = false) @Nullable String industry,
            @RequestParam(required = false) @Nullable Boolean above,
            @RequestParam(required = false) @Nullable String qual,
            @RequestParam(required = false) @Nullable String cluster,
            @RequestParam(defaultValue = "tax") String sort, @RequestParam(defaultValue = "desc") String dir) {
        EnterpriseFilter f = new EnterpriseFilter(q, park, industry, above, qual, cluster, sort, !"asc".equals(dir), 0, 200);
        int year = town.referenceYear();
        List<List<Object>> rows = new ArrayList<>();
        String yes = UserMessage.of("common.yes").text();
        for (EnterpriseQueries.EnterpriseRow e : enterprises.every(scope.get(), f, year, town.asOf())) {
            rows.add(Arrays.asList(e.name(), e.uscc(), e.industryCode(), e.industryName(), e.parkName(),
                    e.aboveScale() ? yes : "", e.taxWan(), e.revenueWan(), e.staff()));
        }
        List<String> header = new ArrayList<>(Sheets.titles("enterprises.name", "enterprises.uscc",
                "export.industryCode", "enterprises.industryName", "enterprises.park", "enterprises.scale.above"));
        header.addAll(Sheets.yearTitles(year, "enterprises.tax", "enterprises.revenue", "enterprises.staff"));
        String name = UserMessage.of("enterprises.title").text();
        return Sheets.xlsx(name + "-" + year + ".xlsx", name, header, rows);
    }

    @GetMapping("/enterprises/{id}")
    String page(@PathVariable long id, Model model) {
        EnterpriseQueries.EnterpriseDetail e = enterprises.detail(scope.get(), id)
                .orElseThrow(() -> Refusal.notFound("enterprise", id));
        model.addAttribute("e", e);
        model.addAttribute("asOf", town.asOf());
        model.addAttribute("qualifications", enterprises.qualifications(scope.get(), id, town.asOf()));
        model.addAttribute("occupancy", enterprises.occupancy(scope.get(), id));
        model.addAttribute("figures", enterprises.figures(scope.get(), id));
        model.addAttribute("clusters", enterprises.clusters(scope.get(), id));
        // Chain placements are the town's analysis (with scores and review notes), not the firm's own data: town
        // staff and park operators see them, an enterprise user never does, not even for its own firm.
        boolean analyst = scope.account().map(a -> a.role() != org.parkscope.access.Role.ENTERPRISE_USER
                && a.role() != org.parkscope.access.Role.AUDITOR).orElse(false);
        model.addAttribute("showChains", analyst);
        if (analyst) {
            model.addAttribute("chains", chainAnalysis.forEnterprise(scope.get(), id));
        }
        return "enterprise";
    }

    @GetMapping("/api/enterprises")
    @ResponseBody
    EnterpriseQueries.Page<EnterpriseQueries.EnterpriseRow> api(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Long park,
            @RequestParam(required = false) @Nullable String industry,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        EnterpriseFilter f = new EnterpriseFilter(q, park, industry, null, null, null, "tax", true, page, size);
        return enterprises.list(scope.get(), f, town.referenceYear(), town.asOf());
    }

    /** An enterprise as the API gives it: the registry record, its qualifications, occupancy and figures. */
    record EnterpriseApi(EnterpriseQueries.EnterpriseDetail enterprise,
            List<EnterpriseQueries.QualificationRow> qualifications, List<EnterpriseQueries.OccupancyRow> occupancy,
            EnterpriseQueries.Figures figures) {}

    @GetMapping("/api/enterprises/{id}")
    @ResponseBody
    EnterpriseApi apiOne(@PathVariable long id) {
        EnterpriseQueries.EnterpriseDetail e = enterprises.detail(scope.get(), id)
                .orElseThrow(() -> Refusal.notFound("enterprise", id));
        return new EnterpriseApi(e, enterprises.qualifications(scope.get(), id, town.asOf()),
                enterprises.occupancy(scope.get(), id), enterprises.figures(scope.get(), id));
    }
}
