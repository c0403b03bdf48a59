package org.parkscope.land;

import java.io.IOException;
import java.time.LocalDate;
import org.parkscope.access.CurrentScope;
import org.parkscope.attachment.Attachments;
import org.parkscope.shared.OnRefusal;
import org.parkscope.shared.Refusal;
import org.parkscope.shared.UserMessage;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Documents kept with a ledger item or a land contract: uploaded on its page, by the town's administrators. */
@Controller
class LandDocumentsController {

    private final Attachments attachments;
    private final LandQueries land;
    private final CurrentScope scope;

    LandDocumentsController(Attachments attachments, LandQueries land, CurrentScope scope) {
        this.attachments = attachments;
        this.land = land;
        this.scope = scope;
    }

    @PostMapping("/land/interventions/{id}/attachments")
    @OnRefusal("/land/interventions/{id}")
    String intervention(@PathVariable long id, @RequestParam("file") MultipartFile file, RedirectAttributes flash)
            throws IOException {
        LandQueries.Intervention i = land.intervention(scope.get(), id)
                .orElseThrow(() -> Refusal.notFound("intervention", id));
        attachments.store(Attachments.Owner.INTERVENTION, id, i.parkId(), null, file.getOriginalFilename(),
                file.getBytes());
        flash.addFlashAttribute("message", UserMessage.of("attachment.stored").text());
        return "redirect:/land/interventions/" + id;
    }

    @PostMapping("/parcels/{id}/contracts/{contract}/attachments")
    @OnRefusal("/parcels/{id}")
    String contract(@PathVariable long id, @PathVariable long contract, @RequestParam("file") MultipartFile file,
            RedirectAttributes flash) throws IOException {
        LandQueries.ParcelDetail parcel = land.parcel(scope.get(), id, LocalDate.now())
                .orElseThrow(() -> Refusal.notFound("parcel", id));
        if (land.contracts(id).stream().noneMatch(c -> c.id() == contract)) {
            throw Refusal.notFound("contract", contract);
        }
        attachments.store(Attachments.Owner.CONTRACT, contract, parcel.parkId(), null, file.getOriginalFilename(),
                file.getBytes());
        flash.addFlashAttribute("message", UserMessage.of("attachment.stored").text());
        return "redirect:/parcels/" + id;
    }
}
