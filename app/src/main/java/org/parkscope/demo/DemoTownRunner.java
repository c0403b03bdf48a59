package org.parkscope.demo;

import org.parkscope.shared.UserMessage;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With {@code parkscope.demo.enabled=true}, fills an empty database with the demo town — or, with
 * {@code parkscope.demo.scale=district|city|N}, a district or city built by the same rules; a filled one is left alone.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "parkscope.demo.enabled", havingValue = "true")
class DemoTownRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoTownRunner.class);
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final DemoScale scale;
    private final ConfigurableApplicationContext context;

    DemoTownRunner(DataSource dataSource, TransactionTemplate tx, ConfigurableApplicationContext context,
            @Value("${parkscope.demo.scale:town}") String scale) {
        this.dataSource = dataSource;
        this.tx = tx;
        this.context = context;
        this.scale = DemoScale.parse(scale);
    }

    @Override
    public void run(ApplicationArguments args) {
        DemoTownGenerator generator = new DemoTownGenerator(dataSource, tx);
        boolean empty = generator.databaseIsEmpty();
        long t0 = System.nanoTime();
        if (empty) {
            log.info("Building the demo {} (泗泾镇 model, seed {}, {} firms) ...", scale, DemoTownGenerator.SEED,
                    scale.firms());
            generator.generate(scale);
        } else {
            log.info("The database already holds a town; the demo generator leaves it as it is");
        }
        List<String> command = args.getOptionValues("parkscope.command");
        if (command != null && command.contains("generate")) { // ./parkscope generate: build, report, stop
            System.out.println((empty ? UserMessage.of("demo.generated", scale.toString(), String.valueOf(scale.firms()),
                    String.valueOf((System.nanoTime() - t0) / 1_000_000_000)) : UserMessage.of("demo.notGenerated"))
                    .inBothLanguages());
            int code = empty ? 0 : 1;
            System.exit(SpringApplication.exit(context, () -> code));
        }
    }
}
