package org.parkscope;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Parkscope platform: registry, pages and REST around the pure-Java core. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ParkscopeApplication {

    public static void main(String[] args) {
        SpringApplication.run(ParkscopeApplication.class, args);
    }
}
