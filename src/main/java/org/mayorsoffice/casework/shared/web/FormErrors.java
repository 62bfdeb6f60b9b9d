package org.mayorsoffice.casework.shared.web;

import org.mayorsoffice.casework.shared.validation.ConcurrentEditException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.springframework.validation.BindingResult;

/** Puts a service's refusal onto the form, so the page shows it in the GOV.UK error summary. */
public final class FormErrors {

    private FormErrors() {}

    public static void reject(BindingResult result, RuleViolationException e) {
        if (e.field() == null) {
            result.reject("rule", e.getMessage());
        } else {
            result.rejectValue(e.field(), "rule", e.getMessage());
        }
    }

    public static void reject(BindingResult result, ConcurrentEditException e) {
        result.reject("concurrentEdit", e.getMessage());
    }
}
