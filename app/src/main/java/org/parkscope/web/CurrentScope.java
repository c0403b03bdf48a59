package org.parkscope.web;

import org.parkscope.shared.Scope;
import org.springframework.stereotype.Component;

/**
 * The scope of the current request. Until accounts exist (the access issue) every visitor is town staff and sees the
 * whole town; pages and REST already ask this one place, so limiting them later changes nothing else.
 */
@Component
public class CurrentScope {

    public Scope get() {
        return Scope.town();
    }
}
