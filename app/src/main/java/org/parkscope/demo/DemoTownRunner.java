package org.parkscope.demo;

import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** With {@code parkscope.demo.enabled=true}, fills an empty database with the demo town; a filled one is left alone. */
@Component
@Order(0)
@ConditionalOnProperty(name = "parkscope.demo.enabled", havingValue = "true")
class DemoTownRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoTownRunner.class);
    private final DataSource dataSource;
    private final TransactionTemplate tx;

    DemoTownRunner(DataSource dataSource, TransactionTemplate tx) {
        this.dataSource = dataSource;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        DemoTownGenerator generator = new DemoTownGenerator(dataSource, tx);
        if (generator.databaseIsEmpty()) {
            log.info("Building the demo town (泗泾镇 model, seed {}) ...", DemoTownGenerator.SEED);
            generator.generate();
        } else {
            log.info("The database already holds a town; the demo generator leaves it as it is");
        }
    }
}
