package org.mayorsoffice.casework.correspondence.web;

import static org.mayorsoffice.casework.correspondence.web.CorrespondenceController.STAFF;

import org.mayorsoffice.casework.correspondence.internal.CampaignService;
import org.mayorsoffice.casework.correspondence.internal.CampaignService.Sent;
import org.mayorsoffice.casework.correspondence.internal.CorrespondenceViews.CampaignDetail;
import org.mayorsoffice.casework.correspondence.web.SimpleForms.CampaignForm;
import org.mayorsoffice.casework.correspondence.web.SimpleForms.ResponseForm;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.Role;
import org.mayorsoffice.casework.shared.validation.ConcurrentEditException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.shared.web.FormErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Campaigns: grouping items from the triage inbox, the standard response, its approval and sending it to every writer. */
@Controller
class CampaignController {

    static final String STAFF_OR_MEMBER = STAFF + " or hasRole('MEMBER')";
    static final String APPROVERS = "hasAnyRole('HEAD_OF_OFFICE', 'MEMBER')";

    private final CampaignService campaigns;

    CampaignController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @InitBinder("form")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("itemIds", "title", "campaignId", "responseSubject", "responseText", "version");
    }

    @GetMapping("/correspondence/campaigns")
    @PreAuthorize(STAFF_OR_MEMBER)
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("campaigns", campaigns.list(page));
        return "correspondence/campaigns";
    }

    /** From the triage inbox: {@code action=create} starts a campaign, {@code action=add} adds to one. */
    @PostMapping("/correspondence/campaigns")
    @PreAuthorize(STAFF)
    String create(@ModelAttribute("form") CampaignForm form, BindingResult result,
            @RequestParam(defaultValue = "create") String action, @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        try {
            if ("add".equals(action)) {
                if (form.getCampaignId() == null) {
                    throw new RuleViolationException("campaignId", "Select the campaign to add the items to");
                }
                int added = campaigns.add(form.getCampaignId(), form.getItemIds(), user);
                redirect.addFlashAttribute("success", added + (added == 1 ? " item" : " items") + " added to the campaign.");
                return "redirect:/correspondence/campaigns/" + form.getCampaignId();
            }
            long id = campaigns.create(form.getTitle(), form.getItemIds(), user);
            redirect.addFlashAttribute("success", "Campaign created. Write the standard response, then ask for approval.");
            return "redirect:/correspondence/campaigns/" + id;
        } catch (RuleViolationException e) {
            FormErrors.reject(result, e);
            redirect.addFlashAttribute("form", form);
            redirect.addFlashAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
            return "redirect:/correspondence/triage";
        }
    }

    @GetMapping("/correspondence/campaigns/{id}")
    @PreAuthorize(STAFF_OR_MEMBER)
    String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        CampaignDetail campaign = campaigns.detail(id);
        if (!model.containsAttribute("form")) {
            ResponseForm form = new ResponseForm();
            form.setResponseSubject(campaign.responseSubject() != null ? campaign.responseSubject() : "Re: " + campaign.title());
            form.setResponseText(campaign.responseText());
            form.setVersion(campaign.version());
            model.addAttribute("form", form);
        }
        return page(model, campaign, user);
    }

    @PostMapping("/correspondence/campaigns/{id}/response")
    @PreAuthorize(STAFF)
    String saveResponse(@PathVariable long id, @ModelAttribute("form") ResponseForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        CampaignDetail campaign = campaigns.detail(id);
        try {
            campaigns.updateResponse(id, form.getResponseSubject(), form.getResponseText(), form.getVersion(), user);
        } catch (RuleViolationException e) {
            FormErrors.reject(result, e);
            return page(model, campaign, user);
        } catch (ConcurrentEditException e) {
            FormErrors.reject(result, e);
            form.setVersion(e.currentVersion());
            return page(model, campaigns.detail(id), user);
        }
        redirect.addFlashAttribute("success", campaign.approved()
                ? "Response saved. It was approved before this change, so it needs approving again."
                : "Response saved.");
        return "redirect:/correspondence/campaigns/" + id;
    }

    @PostMapping("/correspondence/campaigns/{id}/approve")
    @PreAuthorize(APPROVERS)
    String approve(@PathVariable long id, @RequestParam(defaultValue = "-1") long version,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        campaigns.detail(id);
        try {
            campaigns.approve(id, version, user);
            redirect.addFlashAttribute("success", "Standard response approved.");
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("important", e.getMessage());
        }
        return "redirect:/correspondence/campaigns/" + id;
    }

    @PostMapping("/correspondence/campaigns/{id}/send")
    @PreAuthorize(STAFF)
    String send(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        campaigns.detail(id);
        try {
            Sent sent = campaigns.send(id, user);
            redirect.addFlashAttribute("success", "Response sent by email to " + sent.emails()
                    + (sent.emails() == 1 ? " writer" : " writers") + (sent.letters() > 0 ? "; " + sent.letters()
                    + (sent.letters() == 1 ? " writer needs" : " writers need") + " a posted letter" : "") + ".");
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("important", e.getMessage());
        }
        return "redirect:/correspondence/campaigns/" + id;
    }

    private String page(Model model, CampaignDetail campaign, CurrentUser user) {
        model.addAttribute("campaign", campaign);
        model.addAttribute("canEdit", !campaign.sent() && !user.roles().equals(java.util.EnumSet.of(Role.MEMBER)));
        model.addAttribute("canApprove", campaign.drafting() && campaign.responseText() != null
                && (user.hasRole(Role.HEAD_OF_OFFICE) || user.hasRole(Role.MEMBER)));
        model.addAttribute("canSend", campaign.approved() && !user.roles().equals(java.util.EnumSet.of(Role.MEMBER)));
        return "correspondence/campaign";
    }
}
