package org.parkscope.land;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.parkscope.shared.OnRefusal;
import org.parkscope.shared.UserMessage;
import org.parkscope.shared.Scope;
import org.parkscope.shared.TownContext;
import org.parkscope.access.CurrentScope;
import org.parkscope.attachment.Attachments;
import org.parkscope.shared.Refusal;
import org.parkscope.shared.Sheets;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The town map, parcel pages, the low-efficiency list, the revitalisation ledger and vacant space. */
@Controller
class LandController {

    private final MapService map;
    private final ParcelService parcels;
    private final LandQueries land;
    private final LowEfficiencyService lowEfficiency;
    private final VacancyQueries vacancy;
    private final LandCommands commands;
    private final LedgerFromFinding fromFinding;
    private final Attachments attachments;
    private final TownContext town;
    private final CurrentScope scope;
    private final ScopeBounds bounds;

    LandController(MapService map, ParcelService parcels, LandQueries land, LowEfficiencyService lowEfficiency,
            VacancyQueries vacancy, LandCommands commands, LedgerFromFinding fromFinding, Attachments attachments,
            TownContext town, CurrentScope scope, ScopeBounds bounds) {
        this.attachments = attachments;
        this.fromFinding = fromFinding;
        this.bounds = bounds;
        this.map = map;
        this.parcels = parcels;
        this.land = land;
        this.lowEfficiency = lowEfficiency;
        this.vacancy = vacancy;
        this.commands = commands;
        this.town = town;
        this.scope = scope;
    }

    // ------------------------------------------------------------------------------------------------ map

    /** The page only: the layers come from {@code /api/map}, fetched by the page's script. */
    @GetMapping("/map")
    String map(Model model) {
        model.addAttribute("year", town.referenceYear());
        // A park operator's map opens on its parks (an address's own bbox=… wins, read by the page's script).
        model.addAttribute("bbox", bounds.bbox(scope.get()).orElse(null));
        return "map";
    }

    /**
     * The layers (GeoJSON collections and enterprise points) at a simplification level ({@code zoom} 0 coarsest – 4
     * exact), tagged with the data version: a request naming the current tag (If-None-Match) is answered 304. With
     * {@code bbox=west,south,east,north} (degrees) only the parcels, buildings and enterprises touching it are sent;
     * without it, a large town's level 0 carries its parks only ({@code partial: true}).
     */
    @GetMapping("/api/map")
    ResponseEntity<byte[]> apiMap(@RequestParam(defaultValue = "0") int zoom,
            @RequestParam(required = false) @Nullable String bbox, WebRequest request) {
        MapBounds bounds = MapBounds.parse(bbox);
        String tag = "W/\"" + map.tag(scope.get(), zoom, bounds) + "\"";
        if (request.checkNotModified(tag)) {
            return null;
        }
        MapService.Payload payload = map.payload(scope.get(), zoom, bounds);
        return ResponseEntity.ok().eTag("W/\"" + payload.tag() + "\"")
                .cacheControl(CacheControl.noCache().cachePrivate())
                .contentType(MediaType.APPLICATION_JSON).body(payload.json());
    }

    /** A parcel's details for the map's click panel (an HTML fragment). */
    @GetMapping("/map/parcels/{id}")
    String mapParcel(@PathVariable long id, Model model) {
        model.addAttribute("d", map.parcel(scope.get(), id).orElseThrow(() -> Refusal.notFound("parcel", id)));
        return "map-parcel :: panel";
    }

    // ------------------------------------------------------------------------------------------------ parcels

    @GetMapping("/parcels/{id}")
    String parcel(@PathVariable long id, Model model) {
        ParcelService.Page page = parcels.page(scope.get(), id);
        model.addAttribute("page", page);
        model.addAttribute("p", page.parcel());
        model.addAttribute("contractKinds", LandCommands.CONTRACT_KINDS.stream().sorted().toList());
        model.addAttribute("contractFiles", attachments.of(Attachments.Owner.CONTRACT,
                page.contracts().stream().map(c -> c.contract().id()).toList()));
        return "parcel";
    }

    @GetMapping("/api/parcels/{id}")
    @ResponseBody
    ParcelService.Page apiParcel(@PathVariable long id) {
        return parcels.page(scope.get(), id);
    }

    @PostMapping("/parcels/{id}/contracts")
    @OnRefusal("/parcels/{id}")
    String addContract(@PathVariable long id, @RequestParam(required = false) @Nullable String contractNo,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate signedOn,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate completionDue,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate completedOn,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate termEndsOn,
            @RequestParam(required = false) @Nullable String metric,
            @RequestParam(required = false) @Nullable BigDecimal target,
            @RequestParam(required = false) @Nullable Integer offsetYears,
            @RequestParam(required = false) @Nullable Integer everyYears,
            @RequestParam(required = false) @Nullable BigDecimal tolerance,
            @RequestParam(required = false) @Nullable String consequence, RedirectAttributes flash) {
        commands.addContract(scope.get(), id, new LandCommands.ContractForm(contractNo, kind, signedOn, completionDue,
                completedOn, termEndsOn, metric, target, offsetYears, everyYears, tolerance, consequence));
        flash.addFlashAttribute("message", UserMessage.of("flash.saved").text());
        return "redirect:/parcels/" + id;
    }

    // ------------------------------------------------------------------------------------------------ low-efficiency

    @GetMapping("/land/low-efficiency")
    String lowEfficiency(@RequestParam(required = false) @Nullable Long park, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size, Model model) {
        int year = town.referenceYear();
        Scope s = scope.get();
        LowEfficiencyService.Page shown = lowEfficiency.page(s, year, park, page, Math.min(Math.max(size, 1), 500));
        model.addAttribute("year", year);
        model.addAttribute("criteriaName", lowEfficiency.criteriaName());
        model.addAttribute("totals", lowEfficiency.byPark(s, year));
        model.addAttribute("listed", shown.rows());
        model.addAttribute("listedCount", shown.totals().parcels());
        model.addAttribute("page", shown.page());
        model.addAttribute("pages", shown.pages());
        model.addAttribute("size", shown.size());
        model.addAttribute("park", park);
        model.addAttribute("listedMu", shown.totals().areaMu());
        model.addAttribute("kinds", LandCommands.INTERVENTION_KINDS.stream().sorted().toList());
        return "low-efficiency";
    }

    /** The low-efficiency list a page at a time (50 by default, at most 500), with the totals of the whole list. */
    @GetMapping("/api/land/low-efficiency")
    @ResponseBody
    LowEfficiencyService.Page apiLowEfficiency(@RequestParam(required = false) @Nullable Long park,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return lowEfficiency.page(scope.get(), town.referenceYear(), park, page, Math.min(Math.max(size, 1), 500));
    }

    @GetMapping("/land/low-efficiency.xlsx")
    ResponseEntity<byte[]> lowEfficiencyExport(java.util.Locale locale) {
        int year = town.referenceYear();
        boolean en = "en".equals(locale.getLanguage());
        List<List<Object>> rows = new ArrayList<>();
        for (LowEfficiencyService.Listed l : lowEfficiency.list(scope.get(), year)) {
            rows.add(List.of(l.parkName(), l.certificateNo(), round2(l.areaMu()), l.landUse(), l.holder(),
                    round2(l.taxPerMu()), round2(l.outputPerMu()),
                    String.join(en ? "; " : "；", l.reasons().stream().map(f -> en ? f.en() : f.zh()).toList())));
        }
        return export(locale, "land.export.lowEfficiency", String.valueOf(year), rows);
    }

    /** The ledger as a workbook: each item with its parcels, area, dates and baseline year. */
    @GetMapping("/land/interventions.xlsx")
    ResponseEntity<byte[]> interventionsExport() {
        List<List<Object>> rows = new ArrayList<>();
        for (LandQueries.Intervention i : land.interventions(scope.get(), null)) {
            rows.add(java.util.Arrays.asList(i.id(), UserMessage.of("land.kind." + i.kind()).text(), i.title(),
                    i.parkName(), String.join("、", i.certificates()), round2(org.parkscope.core.unit.Area.muOf(i.areaM2().doubleValue())),
                    i.startedOn().toString(), i.completedOn() == null ? null : i.completedOn().toString(),
                    i.baselineYear(), i.description(), i.document()));
        }
        String name = UserMessage.of("land.ledger").text();
        return Sheets.xlsx(name + ".xlsx", name, Sheets.titles("export.number", "land.kind", "land.titleField",
                "parks.name", "land.certificates", "park.parcel.areaMu", "land.started", "land.completed",
                "land.baseline", "land.description", "land.document"), rows);
    }

    /** A listed parcel into the 盘活 ledger in one step; the new item's page opens. */
    @PostMapping("/land/low-efficiency/{id}/ledger")
    @OnRefusal("/land/low-efficiency")
    String toLedger(@PathVariable long id, @RequestParam(defaultValue = "RENOVATION") String kind,
            RedirectAttributes flash) {
        long item = fromFinding.open(scope.get(), id, town.referenceYear(), kind);
        flash.addFlashAttribute("message", UserMessage.of("flash.ledgerAdded").text());
        return "redirect:/land/interventions/" + item;
    }

    /** A workbook named, titled and headed by {@code key}'s messages ({@code .file}, {@code .sheet}, {@code .columns}). */
    private static ResponseEntity<byte[]> export(java.util.Locale locale, String key, String fileArg,
            List<List<Object>> rows) {
        return Sheets.xlsx(UserMessage.of(key + ".file", fileArg).text(locale), UserMessage.of(key + ".sheet").text(locale),
                List.of(UserMessage.of(key + ".columns").text(locale).split("\\|")), rows);
    }

    // ------------------------------------------------------------------------------------------------ ledger

    /** One ledger item: its parcels, its before-and-after figures. */
    @GetMapping("/land/interventions/{id}")
    String intervention(@PathVariable long id, Model model) {
        LandQueries.Intervention i = land.intervention(scope.get(), id)
                .orElseThrow(() -> Refusal.notFound("intervention", id));
        model.addAttribute("v", parcels.effect(scope.get(), i, land.yearRange()));
        model.addAttribute("files", attachments.of(Attachments.Owner.INTERVENTION, List.of(id)).getOrDefault(id,
                List.of()));
        return "intervention";
    }

    @GetMapping("/land/interventions")
    String interventions(Model model) {
        int[] range = land.yearRange();
        List<ParcelService.InterventionView> views = new ArrayList<>();
        for (LandQueries.Intervention i : land.interventions(scope.get(), null)) {
            views.add(parcels.effect(scope.get(), i, range));
        }
        model.addAttribute("interventions", views);
        model.addAttribute("kinds", LandCommands.INTERVENTION_KINDS.stream().sorted().toList());
        return "interventions";
    }

    @PostMapping("/land/interventions")
    @OnRefusal("/land/interventions")
    String addIntervention(@RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate startedOn,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate completedOn,
            @RequestParam(required = false) @Nullable Integer baselineYear,
            @RequestParam(required = false) @Nullable String description,
            @RequestParam(required = false) @Nullable String document,
            @RequestParam(required = false) @Nullable String certificates, RedirectAttributes flash) {
        commands.addIntervention(scope.get(), new LandCommands.InterventionForm(kind, title, startedOn, completedOn,
                baselineYear, description, document, certificates == null ? List.of()
                        : List.of(certificates.split("[\\n,，;；]+"))));
        flash.addFlashAttribute("message", UserMessage.of("flash.ledgerAdded").text());
        return "redirect:/land/interventions";
    }

    // ------------------------------------------------------------------------------------------------ vacant space

    /** The search comes in as request parameters named like the filter's fields (minArea, maxRent, keyword …). */
    @GetMapping("/space")
    String space(@ModelAttribute("filter") VacancyQueries.Filter f, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size, Model model) {
        VacancyQueries.Result result = vacancy.page(scope.get(), f, town.asOf(), page, Math.min(Math.max(size, 1), 500));
        model.addAttribute("f", f);
        model.addAttribute("result", result);
        model.addAttribute("spaces", result.rows());
        model.addAttribute("totalM2", result.totalM2());
        model.addAttribute("parks", vacancy.parks(scope.get()));
        return "space";
    }

    /** One page of the search ({@code page} from 0, {@code size} 50), with the whole search's count and area. */
    @GetMapping("/api/space")
    @ResponseBody
    VacancyQueries.Result apiSpace(@ModelAttribute("filter") VacancyQueries.Filter f,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return vacancy.page(scope.get(), f, town.asOf(), page, Math.min(Math.max(size, 1), 500));
    }

    @GetMapping("/space.xlsx")
    ResponseEntity<byte[]> spaceExport(@ModelAttribute("filter") VacancyQueries.Filter f, java.util.Locale locale) {
        String yes = UserMessage.of("land.export.yes").text(locale);
        List<List<Object>> rows = new ArrayList<>();
        for (VacancyQueries.Space s : vacancy.search(scope.get(), f, town.asOf())) {
            rows.add(java.util.Arrays.asList(s.parkName(), s.positioning(), s.building(), s.label(), s.floor(),
                    s.areaM2(), s.use(), s.floorLoad(), s.clearHeight(), s.rent(),
                    s.availableFrom() == null ? null : s.availableFrom().toString(), s.reserved() ? yes : ""));
        }
        return export(locale, "land.export.space", "", rows);
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
