package org.parkscope.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before the application sees them (a NUL byte or a bad escape in the path, headers that are
 * too large) get a bilingual page in the platform's look instead of Tomcat's report. Such a request has no user and
 * no language yet, so the page is static and says it in Chinese and English.
 */
@Component
class RefusedRequestPage implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        Path page = copy();
        factory.addContextCustomizers(context -> {
            for (Valve valve : context.getParent().getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve report) {
                    report.setProperty("errorCode.0", page.toString());
                }
            }
        });
    }

    private static Path copy() {
        try (InputStream in = RefusedRequestPage.class.getResourceAsStream("/web/refused.html")) {
            Path file = Files.createTempFile("parkscope-refused", ".html");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
