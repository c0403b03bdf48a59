package org.parkscope.web;

import org.parkscope.shared.UserMessage;
import org.parkscope.shared.TownContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Prints where the platform can be reached once it is ready (after the demo town, if any, is built). */
@Component
class ReadyBanner {

    private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);
    private final Environment env;
    private final TownContext town;

    ReadyBanner(Environment env, TownContext town) {
        this.env = env;
        this.town = town;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        String name = town.town().map(TownContext.Town::name).orElse(UserMessage.of("ready.noTown").inBothLanguages()
                .replace(System.lineSeparator(), " "));
        log.info("Parkscope is running: http://localhost:{}/  — town {}", port, name);
        System.out.println("\n  " + UserMessage.of("ready.running", "http://localhost:" + port + "/", name).inBothLanguages()
                .replace(System.lineSeparator(), System.lineSeparator() + "  ") + "\n");
    }
}
