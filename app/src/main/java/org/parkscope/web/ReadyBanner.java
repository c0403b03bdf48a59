package org.parkscope.web;

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
        String name = town.town().map(TownContext.Town::name).orElse("(no town yet / 尚无数据)");
        log.info("Parkscope is running: http://localhost:{}/  — town {} / 平台已启动", port, name);
        System.out.println("\n  Parkscope 已启动 / is running:  http://localhost:" + port + "/   (" + name + ")\n");
    }
}
