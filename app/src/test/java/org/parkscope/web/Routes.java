package org.parkscope.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Every route the application maps, as "METHOD pattern", from its own handler mappings (Boot's /error left out). */
public final class Routes {

    private Routes() {}

    public static List<String> of(RequestMappingHandlerMapping mappings) {
        Set<String> out = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (pattern.equals("/error")) {
                    continue; // the error endpoint renders other requests' errors
                }
                if (methods.isEmpty()) {
                    out.add("GET " + pattern);
                } else {
                    methods.forEach(m -> out.add(m.name() + " " + pattern));
                }
            }
        }
        return new ArrayList<>(out);
    }
}
