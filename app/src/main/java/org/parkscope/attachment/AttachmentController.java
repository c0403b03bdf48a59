package org.parkscope.attachment;

import org.parkscope.access.CurrentScope;
import org.parkscope.shared.Downloads;
import org.parkscope.shared.Refusal;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Hands out a kept file to someone who may see its record; anyone else is told it does not exist. */
@Controller
class AttachmentController {

    private final Attachments attachments;
    private final CurrentScope scope;

    AttachmentController(Attachments attachments, CurrentScope scope) {
        this.attachments = attachments;
        this.scope = scope;
    }

    @GetMapping("/attachments/{id}")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        Attachments.Stored file = attachments.visible(scope.get(), id)
                .orElseThrow(() -> Refusal.notFound("attachment", id));
        return Downloads.file(file.content(), file.fileName(), file.contentType());
    }
}
