package org.parkscope.core.archfixture;

import org.assertj.core.api.Assertions;

/** A deliberate violation, for {@code ArchitectureRuleTest}: a core class that imports a library. */
public class UsesALibrary {

    public void check(Object o) {
        Assertions.assertThat(o).isNotNull();
    }
}
