package org.parkscope.park;

import java.util.List;
import org.parkscope.enterprise.EnterpriseFilter;
import org.parkscope.enterprise.EnterpriseQueries;
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

/** The parks list and a park's page, and the same data as JSON. */
@Controller
class ParkController {

    private final ParkQueries parks;
    private final EnterpriseQueries enterprises;
    private final TownContext town;
    private final CurrentScope scope;

    ParkController(ParkQueries parks, EnterpriseQueries enterprises, TownContext town, CurrentScope scope) {
        this.parks = parks;
        this.enterprises = enterprises;
        this.town = town;
        this.scope = scope;
    }

    /** The parks in scope, 50 a page ({@code page} from 0, {@code size}), counted over all of them. */
    @GetMapping("/parks")
    String list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Model model) {
        int year = town.referenceYear();
        ParkQueries.Page shown = parks.page(scope.get(), year, page, Math.min(Math.max(size, 1), 500));
        model.addAttribute("year", year);
        model.addAttribute("parks", shown.rows());
        model.addAttribute("shown", shown);
        return "parks";
    }

    /** Every park in scope with its land and the year's figures, as a workbook. */
    @GetMapping("/parks.xlsx")
    ResponseEntity<byte[]> export() {
        int year = town.referenceYear();
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (ParkQueries.ParkSummary p : parks.summaries(scope.get(), year)) {
            rows.add(java.util.Arrays.asList(p.name(), p.operator(), UserMessage.of("parks.kind." + p.kind()).text(),
                    String.join("、", p.clusterTags()), p.landMu(), p.parcels(), p.enterprises(), p.taxWan(),
                    p.revenueWan(), p.taxPerMu()));
        }
        List<String> header = new java.util.ArrayList<>(Sheets.titles("parks.name", "parks.operator", "parks.kind",
                "parks.tags", "parks.land", "parks.parcels", "parks.enterprises"));
        header.addAll(Sheets.yearTitles(year, "parks.tax", "enterprises.revenue", "parks.taxPerMu"));
        String name = UserMessage.of("parks.title").text();
        return Sheets.xlsx(name + "-" + year + ".xlsx", name, header, rows);
    }

    @GetMapping("/parks/{id}")
    String page(@PathVariable long id, Model model) {
        int year = town.referenceYear();
        ParkQueries.ParkDetail detail = parks.detail(scope.get(), id).orElseThrow(() -> Refusal.notFound("park", id));
        model.addAttribute("year", year);
        model.addAttribute("park", detail);
        model.addAttribute("summary", parks.summary(scope.get(), id, year).orElseThrow());
        model.addAttribute("parcels", parks.parcels(scope.get(), id));
        model.addAttribute("parcelGeoJson", parks.parcelsGeoJson(scope.get(), id));
        EnterpriseFilter top = new EnterpriseFilter(null, id, null, null, null, null, "tax", true, 0, 20);
        model.addAttribute("top", enterprises.list(scope.get(), top, year, town.asOf()));
        return "park";
    }

    @GetMapping("/api/parks")
    @ResponseBody
    List<ParkQueries.ParkSummary> api() {
        return parks.summaries(scope.get(), town.referenceYear());
    }

    @GetMapping("/api/parks/{id}")
    @ResponseBody
    ParkQueries.ParkSummary apiOne(@PathVariable long id) {
        return parks.summary(scope.get(), id, town.referenceYear()).orElseThrow(() -> Refusal.notFound("park", id));
    }
}
