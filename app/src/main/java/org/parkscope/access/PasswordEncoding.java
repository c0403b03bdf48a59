package org.parkscope.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Adaptive password hashes (BCrypt by default), also for the command line, which runs without the web layer. */
@Configuration(proxyBeanMethods = false)
class PasswordEncoding {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
