package org.parkscope.chain;

import java.nio.charset.StandardCharsets;
import org.parkscope.core.chain.Chain;
import org.parkscope.shared.Downloads;
import org.parkscope.shared.UserMessage;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The chain and cluster definitions: edit, preview, save, export, and a recomputation of the placements. */
@Controller
class ChainDefinitionController {

    private final ChainService chains;
    private final ChainRecomputation recomputation;
    private final ClusterConfig clusters;
    private final ChainRequests requests;

    ChainDefinitionController(ChainService chains, ChainRecomputation recomputation, ClusterConfig clusters,
            ChainRequests requests) {
        this.chains = chains;
        this.recomputation = recomputation;
        this.clusters = clusters;
        this.requests = requests;
    }

    @PostMapping("/chains/recompute")
    String recompute(RedirectAttributes flash) {
        int n = recomputation.recompute();
        flash.addFlashAttribute("message", UserMessage.of("chains.flash.recomputed", n).text());
        return "redirect:/chains";
    }

    @GetMapping("/chains/clusters/definition")
    String clusterDefinition(Model model) {
        if (!model.containsAttribute("yaml")) {
            model.addAttribute("yaml", clusters.yaml());
        }
        return "cluster-definition";
    }

    @PostMapping("/chains/clusters/definition")
    String saveClusterDefinition(@RequestParam String yaml, RedirectAttributes flash) {
        try {
            clusters.save(yaml, new java.util.HashSet<>(chains.chains().stream().map(Chain::id).toList()));
            flash.addFlashAttribute("message", UserMessage.of("clusters.flash.saved").text());
            return "redirect:/chains";
        } catch (ChainFile.Invalid e) {
            flash.addFlashAttribute("error", e.text());
            flash.addFlashAttribute("yaml", yaml);
            return "redirect:/chains/clusters/definition";
        }
    }

    @GetMapping("/chains/{id}/definition")
    String definition(@PathVariable String id, Model model) {
        Chain c = requests.chain(id);
        model.addAttribute("chain", c);
        if (!model.containsAttribute("yaml")) {
            model.addAttribute("yaml", chains.yaml(id));
        }
        return "chain-definition";
    }

    @PostMapping("/chains/{id}/definition")
    String saveDefinition(@PathVariable String id, @RequestParam String yaml,
            @RequestParam(defaultValue = "save") String action, Model model, RedirectAttributes flash) {
        Chain chain = requests.chain(id);
        if (action.equals("preview")) {
            model.addAttribute("chain", chain);
            model.addAttribute("yaml", yaml);
            try {
                model.addAttribute("impact", chains.preview(id, yaml));
            } catch (ChainFile.Invalid e) {
                model.addAttribute("error", e.text());
            }
            return "chain-definition";
        }
        try {
            chains.save(id, yaml);
            flash.addFlashAttribute("message", UserMessage.of("chains.flash.saved").text());
            return "redirect:/chains/" + id;
        } catch (ChainFile.Invalid e) {
            flash.addFlashAttribute("error", e.text());
            flash.addFlashAttribute("yaml", yaml);
            return "redirect:/chains/" + id + "/definition";
        }
    }

    @GetMapping("/chains/{id}/definition.yaml")
    ResponseEntity<byte[]> exportDefinition(@PathVariable String id) {
        return Downloads.file(chains.yaml(id).getBytes(StandardCharsets.UTF_8), id.toLowerCase(java.util.Locale.ROOT) + ".yaml",
                "application/yaml; charset=UTF-8");
    }
}
