package org.parkscope.shared;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application's message source is {@link UserMessage#SOURCE}: one reader of the message files for everything. */
@Configuration(proxyBeanMethods = false)
class MessagesConfig {

    @Bean
    MessageSource messageSource() {
        return UserMessage.SOURCE;
    }
}
