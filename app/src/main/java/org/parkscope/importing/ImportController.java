package org.parkscope.importing;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.parkscope.shared.OnRefusal;
import org.parkscope.shared.UserMessage;
import org.parkscope.shared.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The import page (upload, progress, report, marked file, templates, batches, roll-back) and the import API. */
@Controller
class ImportController {

    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    @GetMapping("/import")
    String page(Model model) {
        model.addAttribute("kinds", ImportKind.values());
        model.addAttribute("departments", List.of("TAX", "STATS", "POWER", "LAND", "ENV", "PARK", "ENTERPRISE"));
        model.addAttribute("batches", imports.batches(50));
        return "import";
    }

    @PostMapping("/import")
    @OnRefusal("/import")
    String upload(@RequestParam ImportKind kind, @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) @Nullable String department,
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(defaultValue = "false") boolean dryRun, Authentication auth, RedirectAttributes flash)
            throws IOException {
        Path kept = imports.keep(file.getOriginalFilename(), file.getInputStream());
        ImportService.Job job = imports.start(kind, kept, file.getOriginalFilename(), options(department, period,
                dryRun), auth.getName());
        return "redirect:/import/jobs/" + job.id();
    }

    /** The job's page: 422 once the report says the file was refused, so scripts and browsers see it failed. */
    @GetMapping("/import/jobs/{id}")
    String job(@PathVariable String id, Authentication auth, Model model, HttpServletResponse response) {
        ImportService.Job job = job(id, auth);
        model.addAttribute("job", job);
        if (job.report() != null && !job.report().ok()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        }
        return "import-job";
    }

    /** The progress or the report, for the page to poll (htmx). */
    @GetMapping("/import/jobs/{id}/status")
    String status(@PathVariable String id, Authentication auth, Model model) {
        model.addAttribute("job", job(id, auth));
        return "import-job :: status";
    }

    @GetMapping("/import/jobs/{id}/marked")
    ResponseEntity<byte[]> marked(@PathVariable String id, Authentication auth, Locale locale) {
        MarkedFile.Output out = imports.marked(job(id, auth), locale).orElseThrow(() -> Refusal.notFound("marked file", id));
        return download(out.bytes(), out.fileName(), out.contentType());
    }

    @GetMapping("/import/templates/{kind}")
    ResponseEntity<byte[]> template(@PathVariable String kind, Locale locale) {
        ImportKind k = Arrays.stream(ImportKind.values()).filter(x -> x.name().equalsIgnoreCase(kind)).findFirst()
                .orElseThrow(() -> Refusal.notFound("template", kind));
        return download(Templates.xlsx(k, locale), UserMessage.of("import.template.file", k.label()).text(locale),
                org.parkscope.shared.Downloads.XLSX);
    }

    @PostMapping("/import/batches/{id}/rollback")
    String rollback(@PathVariable long id, Authentication auth, RedirectAttributes flash,
            jakarta.servlet.http.HttpServletRequest request, Model model) {
        if (!org.parkscope.shared.Confirmation.given(request)) {
            return org.parkscope.shared.Confirmation.ask(model, request, UserMessage.of("confirm.rollback", id), "/import");
        }
        ImportRollback.Result r = imports.rollback(id, auth.getName());
        flash.addFlashAttribute(r.done() ? "message" : "error", r.message());
        return "redirect:/import";
    }

    @PostMapping(value = "/api/imports", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<ImportReport> api(@RequestParam String kind, @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) @Nullable String department,
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(defaultValue = "false") boolean dryRun, Authentication auth) throws IOException {
        ImportKind k = ImportKind.parse(kind);
        String name = String.valueOf(file.getOriginalFilename());
        ImportReport report;
        try {
            Path kept = imports.keep(name, file.getInputStream());
            report = imports.run(k, kept, name, options(department, period, dryRun), auth.getName());
        } catch (ImportException e) {
            report = ImportEngine.rejected(k, name, e, 0);
        }
        return ResponseEntity.status(report.ok() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY).body(report);
    }

    @GetMapping(value = "/api/imports", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<ImportService.BatchRow> apiBatches() {
        return imports.batches(200);
    }

    @PostMapping(value = "/api/imports/{id}/rollback", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<ImportRollback.Result> apiRollback(@PathVariable long id, Authentication auth) {
        ImportRollback.Result r = imports.rollback(id, auth.getName());
        return ResponseEntity.status(r.done() ? HttpStatus.OK : HttpStatus.CONFLICT).body(r);
    }

    private ImportService.Job job(String id, Authentication auth) {
        return imports.job(id, auth.getName()).orElseThrow(() -> Refusal.notFound("import", id));
    }

    private static ImportRequest.Options options(@Nullable String department, @Nullable String period, boolean dryRun) {
        return new ImportRequest.Options(department == null || department.isBlank() ? null : department,
                period == null || period.isBlank() ? null : period.trim(), dryRun);
    }

    private static ResponseEntity<byte[]> download(byte[] bytes, String name, String type) {
        return org.parkscope.shared.Downloads.file(bytes, name, type);
    }

}
