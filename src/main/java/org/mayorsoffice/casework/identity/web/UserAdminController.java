package org.mayorsoffice.casework.identity.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.Role;
import org.mayorsoffice.casework.identity.internal.MemberService;
import org.mayorsoffice.casework.identity.internal.UserAdminService;
import org.mayorsoffice.casework.identity.internal.UserViews.NewUser;
import org.mayorsoffice.casework.identity.internal.UserViews.UserChanges;
import org.mayorsoffice.casework.identity.internal.UserViews.UserDetail;
import org.mayorsoffice.casework.shared.validation.ConcurrentEditException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.shared.web.FormErrors;
import org.mayorsoffice.casework.shared.web.Option;
import org.mayorsoffice.casework.shared.web.SummaryRow;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators manage staff accounts. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class UserAdminController {

    private static final java.time.format.DateTimeFormatter WHEN =
            java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma").withZone(java.time.ZoneId.of("Europe/London"));

    private final UserAdminService users;
    private final MemberService members;

    UserAdminController(UserAdminService users, MemberService members) {
        this.users = users;
        this.members = members;
    }

    @InitBinder
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("username", "displayName", "email", "roles", "memberId", "password", "confirmPassword", "version");
    }

    @ModelAttribute("roleOptions")
    List<Option> roleOptions() {
        return Arrays.stream(Role.values()).map(r -> Option.of(r.name(), r.label())).toList();
    }

    @GetMapping("/admin")
    String admin() {
        return "admin/index";
    }

    @GetMapping("/admin/users")
    String list(@RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("users", users.page(Math.max(page, 1) - 1));
        return "admin/users/list";
    }

    @GetMapping("/admin/users/new")
    String newUser(Model model) {
        model.addAttribute("form", new UserForm());
        model.addAttribute("memberOptions", members.memberOptions());
        return "admin/users/new";
    }

    @PostMapping("/admin/users")
    String create(@Validated({UserForm.Create.class, jakarta.validation.groups.Default.class}) @ModelAttribute("form") UserForm form,
            BindingResult result, @AuthenticationPrincipal CurrentUser admin, Model model, RedirectAttributes redirect) {
        if (!result.hasFieldErrors("password") && !Objects.equals(form.getPassword(), form.getConfirmPassword())) {
            result.rejectValue("confirmPassword", "mismatch", "Passwords do not match");
        }
        long id = 0;
        if (!result.hasErrors()) {
            try {
                id = users.create(new NewUser(form.getUsername(), form.getDisplayName(), form.getEmail(), form.roleSet(),
                        form.getMemberId(), form.getPassword()), admin.getUsername());
            } catch (RuleViolationException e) {
                FormErrors.reject(result, e);
            }
        }
        if (result.hasErrors()) {
            form.setPassword(null);
            form.setConfirmPassword(null);
            model.addAttribute("memberOptions", members.memberOptions());
            return "admin/users/new";
        }
        redirect.addFlashAttribute("success", "User " + form.getUsername().trim().toLowerCase()
                + " added. Give them their temporary password: they must change it when they first sign in.");
        return "redirect:/admin/users/" + id;
    }

    @GetMapping("/admin/users/{id}")
    String show(@PathVariable long id, Model model) {
        UserDetail user = users.get(id);
        model.addAttribute("user", user);
        model.addAttribute("rows", summary(user));
        return "admin/users/show";
    }

    @GetMapping("/admin/users/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        UserDetail user = users.get(id);
        UserForm form = new UserForm();
        form.setDisplayName(user.displayName());
        form.setEmail(user.email());
        form.setRoles(new ArrayList<>(user.roles()));
        form.setMemberId(user.memberId());
        form.setVersion(user.version());
        return editPage(model, user, form);
    }

    @PostMapping("/admin/users/{id}")
    String update(@PathVariable long id, @Validated @ModelAttribute("form") UserForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser admin, Model model, RedirectAttributes redirect) {
        UserDetail user = users.get(id);
        if (!result.hasErrors()) {
            try {
                users.update(id, new UserChanges(form.getDisplayName(), form.getEmail(), form.roleSet(), form.getMemberId(),
                        form.getVersion()), admin.getUsername());
            } catch (RuleViolationException e) {
                FormErrors.reject(result, e);
            } catch (ConcurrentEditException e) {
                FormErrors.reject(result, e);
                form.setVersion(e.currentVersion());
            }
        }
        if (result.hasErrors()) {
            return editPage(model, user, form);
        }
        redirect.addFlashAttribute("success", "Changes to " + user.username() + " saved");
        return "redirect:/admin/users/" + id;
    }

    @GetMapping("/admin/users/{id}/password")
    String passwordForm(@PathVariable long id, Model model) {
        model.addAttribute("user", users.get(id));
        model.addAttribute("form", new TemporaryPasswordForm());
        return "admin/users/password";
    }

    @PostMapping("/admin/users/{id}/password")
    String resetPassword(@PathVariable long id, @Validated @ModelAttribute("form") TemporaryPasswordForm form,
            BindingResult result, @AuthenticationPrincipal CurrentUser admin, Model model, RedirectAttributes redirect) {
        UserDetail user = users.get(id);
        if (!result.hasFieldErrors("password") && !Objects.equals(form.getPassword(), form.getConfirmPassword())) {
            result.rejectValue("confirmPassword", "mismatch", "Passwords do not match");
        }
        if (!result.hasErrors()) {
            try {
                users.resetPassword(id, form.getPassword(), admin.getUsername());
            } catch (RuleViolationException e) {
                FormErrors.reject(result, e);
            }
        }
        if (result.hasErrors()) {
            form.setPassword(null);
            form.setConfirmPassword(null);
            model.addAttribute("user", user);
            return "admin/users/password";
        }
        redirect.addFlashAttribute("success", "Temporary password set for " + user.username()
                + ". They must change it when they next sign in.");
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/deactivate")
    String deactivate(@PathVariable long id, @AuthenticationPrincipal CurrentUser admin, RedirectAttributes redirect) {
        return setEnabled(id, false, admin, redirect);
    }

    @PostMapping("/admin/users/{id}/reactivate")
    String reactivate(@PathVariable long id, @AuthenticationPrincipal CurrentUser admin, RedirectAttributes redirect) {
        return setEnabled(id, true, admin, redirect);
    }

    @PostMapping("/admin/users/{id}/unlock")
    String unlock(@PathVariable long id, @AuthenticationPrincipal CurrentUser admin, RedirectAttributes redirect) {
        users.unlock(id, admin.getUsername());
        redirect.addFlashAttribute("success", "Account unlocked");
        return "redirect:/admin/users/" + id;
    }

    private String setEnabled(long id, boolean enabled, CurrentUser admin, RedirectAttributes redirect) {
        try {
            users.setEnabled(id, enabled, admin.getUsername());
            redirect.addFlashAttribute("success", enabled ? "Account reactivated" : "Account deactivated: the user can no longer sign in");
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("important", e.getMessage());
        }
        return "redirect:/admin/users/" + id;
    }

    private String editPage(Model model, UserDetail user, UserForm form) {
        model.addAttribute("user", user);
        model.addAttribute("form", form);
        model.addAttribute("memberOptions", members.memberOptions());
        return "admin/users/edit";
    }

    private static List<SummaryRow> summary(UserDetail user) {
        String status = !user.enabled() ? "Deactivated" : user.locked() ? "Locked after failed sign-in attempts" : "Active";
        if (user.enabled() && user.mustChangePassword()) {
            status += " (must change password at next sign-in)";
        }
        return List.of(
                SummaryRow.of("Username", user.username()),
                SummaryRow.of("Full name", user.displayName()),
                SummaryRow.of("Email", user.email()),
                SummaryRow.of("Roles", user.roles().stream().map(Role::label).reduce((a, b) -> a + ", " + b).orElse("")),
                SummaryRow.of("Signs in as member", user.memberName()),
                SummaryRow.of("Status", status),
                SummaryRow.of("Last signed in", user.lastSignInAt() == null ? "Never" : WHEN.format(user.lastSignInAt())));
    }
}
