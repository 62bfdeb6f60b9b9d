package org.mayorsoffice.casework.shared.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

class UnsafeProductionConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeProductionConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeProductionConfigurationException cause) {
        return new FailureAnalysis(
                "The prod profile refuses to start with unsafe settings:\n  - " + String.join("\n  - ", cause.problems()),
                "Set real secrets in the environment (see README, 'Configuration') and start again.",
                null);
    }
}
