package org.mayorsoffice.casework.shared.config;

import java.util.List;

/** The prod profile found default secrets or demo settings. */
public class UnsafeProductionConfigurationException extends RuntimeException {

    private final List<String> problems;

    public UnsafeProductionConfigurationException(List<String> problems) {
        super("Unsafe production configuration: " + String.join("; ", problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
