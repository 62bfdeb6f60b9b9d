package org.mayorsoffice.casework;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Fails the build when a module reaches into another module's internals or breaks its declared dependencies. */
class ModularityTests {

    @Test
    void modulesOnlyDependOnWhatTheyDeclare() {
        ApplicationModules.of(CaseworkApplication.class).verify();
    }
}
