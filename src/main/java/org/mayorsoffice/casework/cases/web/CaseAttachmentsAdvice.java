package org.mayorsoffice.casework.cases.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.mayorsoffice.casework.cases.internal.AttachmentRow;
import org.mayorsoffice.casework.cases.internal.AttachmentService;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Puts the case's attachments in the model of the case page ({@code GET /cases/{id}}), so the page
 * lists them without {@link CaseController} knowing about attachments. The service applies the
 * case visibility rule: a case the user may not see lists nothing (and the page itself answers 404).
 */
@ControllerAdvice(assignableTypes = CaseController.class)
class CaseAttachmentsAdvice {

    private final AttachmentService attachments;

    CaseAttachmentsAdvice(AttachmentService attachments) {
        this.attachments = attachments;
    }

    @ModelAttribute("attachments")
    List<AttachmentRow> attachments(HttpServletRequest request, @AuthenticationPrincipal CurrentUser user) {
        if (user == null || !"GET".equals(request.getMethod())
                || !"/cases/{id}".equals(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE))
                || !(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables)
                || !(variables.get("id") instanceof String id)) {
            return List.of();
        }
        try {
            return attachments.list(Long.parseLong(id), user);
        } catch (NumberFormatException e) {
            return List.of(); // the page itself answers 400
        }
    }
}
