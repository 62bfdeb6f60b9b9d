package org.mayorsoffice.casework.shared.web;

import org.mayorsoffice.casework.shared.validation.ConcurrentEditException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/** Puts a service's refusal onto the form, so the page shows it in the GOV.UK error summary. */
public final class FormErrors {

    private FormErrors() {}

    /**
     * On the field when the form has it (the typed value is kept), on a date input's base name ({@code dueOn} for
     * {@code dueOnDay/Month/Year}, see {@link DateInput}), otherwise on the whole form.
     */
    public static void reject(BindingResult result, RuleViolationException e) {
        String field = e.field();
        Object target = result.getTarget();
        BeanWrapperImpl form = target == null ? null : new BeanWrapperImpl(target);
        if (field != null && form != null && form.isReadableProperty(field)) {
            result.rejectValue(field, "rule", e.getMessage());
        } else if (field != null && form != null && form.isReadableProperty(field + "Day")) {
            result.addError(new FieldError(result.getObjectName(), field, e.getMessage()));
        } else {
            result.reject("rule", e.getMessage());
        }
    }

    public static void reject(BindingResult result, ConcurrentEditException e) {
        result.reject("concurrentEdit", e.getMessage());
    }
}
