package org.mayorsoffice.casework.correspondence.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.mayorsoffice.casework.correspondence.CorrespondenceEnums.Channel;
import org.mayorsoffice.casework.correspondence.CorrespondenceEnums.Direction;
import org.mayorsoffice.casework.correspondence.CorrespondenceEnums.Status;
import org.mayorsoffice.casework.correspondence.internal.CorrespondenceService;
import org.mayorsoffice.casework.correspondence.internal.CorrespondenceService.Download;
import org.mayorsoffice.casework.correspondence.internal.CorrespondenceService.Filters;
import org.mayorsoffice.casework.correspondence.internal.CorrespondenceService.NewFile;
import org.mayorsoffice.casework.correspondence.internal.CorrespondenceService.NewItem;
import org.mayorsoffice.casework.correspondence.internal.CorrespondenceViews.ItemDetail;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.MemberDirectory;
import org.mayorsoffice.casework.identity.Role;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.shared.web.FormErrors;
import org.mayorsoffice.casework.shared.web.Option;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The correspondence register: the list, logging an item, an item's page and its attachments. */
@Controller
class CorrespondenceController {

    static final String STAFF = "hasAnyRole('CASEWORKER', 'COORDINATOR', 'CABINET_SUPPORT_OFFICER', 'HEAD_OF_OFFICE')";

    private final CorrespondenceService register;
    private final MemberDirectory members;
    private final Clock clock;

    CorrespondenceController(CorrespondenceService register, MemberDirectory members, Clock clock) {
        this.register = register;
        this.members = members;
        this.clock = clock;
    }

    @InitBinder("form")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("direction", "channel", "occurredOnDay", "occurredOnMonth", "occurredOnYear", "senderName",
                "senderEmail", "senderAddress", "recipient", "memberId", "subject", "body", "files");
    }

    @GetMapping("/correspondence")
    @PreAuthorize(STAFF)
    String list(@RequestParam(required = false) String direction, @RequestParam(required = false) String channel,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CurrentUser user, Model model) {
        Filters filters = new Filters(parse(Direction.class, direction), parse(Channel.class, channel), parse(Status.class, status));
        model.addAttribute("items", register.register(filters, page, user));
        model.addAttribute("filters", filters);
        model.addAttribute("directionOptions", options(Direction.values(), Direction::label));
        model.addAttribute("channelOptions", options(Channel.values(), Channel::label));
        model.addAttribute("statusOptions", options(Status.values(), Status::label));
        return "correspondence/list";
    }

    @GetMapping("/correspondence/new")
    @PreAuthorize(STAFF)
    String newItem(Model model) {
        LogForm form = new LogForm();
        form.setOccurredOn(LocalDate.now(clock));
        model.addAttribute("form", form);
        return formPage(model);
    }

    @PostMapping("/correspondence")
    @PreAuthorize(STAFF)
    String log(@Validated @ModelAttribute("form") LogForm form, BindingResult result, @AuthenticationPrincipal CurrentUser user,
            Model model, RedirectAttributes redirect) {
        LocalDate occurredOn = form.occurredOn();
        if (form.occurredOnBlank()) {
            result.addError(new FieldError("form", "occurredOn", "Enter the date"));
        } else if (occurredOn == null) {
            result.addError(new FieldError("form", "occurredOn", "The date must be a real date"));
        }
        List<NewFile> files = new ArrayList<>();
        for (MultipartFile file : form.getFiles() == null ? List.<MultipartFile>of() : form.getFiles()) {
            if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
                continue; // the empty file input
            }
            try {
                files.add(new NewFile(file.getOriginalFilename(), file.getBytes()));
            } catch (IOException e) {
                result.rejectValue("files", "unreadable", "The selected file could not be uploaded – try again");
            }
        }
        long id = 0;
        if (!result.hasErrors()) {
            try {
                id = register.log(new NewItem(form.getDirection(), form.getChannel(), occurredOn, form.getSenderName(),
                        form.getSenderEmail(), form.getSenderAddress(), null, form.getRecipient(), form.getMemberId(),
                        form.getSubject(), form.getBody(), files), user);
            } catch (RuleViolationException e) {
                if ("occurredOn".equals(e.field())) {
                    result.addError(new FieldError("form", "occurredOn", e.getMessage()));
                } else {
                    FormErrors.reject(result, e);
                }
            }
        }
        if (result.hasErrors()) {
            return formPage(model);
        }
        redirect.addFlashAttribute("success", form.getDirection() == Direction.IN
                ? "Logged. The item is in the triage inbox." : "Logged in the register.");
        return "redirect:/correspondence/" + id;
    }

    @GetMapping("/correspondence/{id}")
    @PreAuthorize(STAFF)
    String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        ItemDetail item = register.detail(id, user);
        model.addAttribute("item", item);
        model.addAttribute("canTriage", item.inTriage());
        model.addAttribute("canCheckMailbox", user.hasRole(Role.COORDINATOR) || user.hasRole(Role.HEAD_OF_OFFICE));
        return "correspondence/show";
    }

    /** An attachment, always as a download under its safe name and detected type. */
    @GetMapping("/correspondence/attachments/{id}")
    @PreAuthorize(STAFF)
    ResponseEntity<byte[]> download(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        Download download = register.download(id, user);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.contentType()))
                .contentLength(download.bytes().length)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(download.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(download.bytes());
    }

    private String formPage(Model model) {
        model.addAttribute("directionOptions", options(Direction.values(), Direction::label));
        model.addAttribute("channelOptions", options(Channel.values(), Channel::label));
        model.addAttribute("memberOptions", members.memberOptions());
        return "correspondence/new";
    }

    static <E extends Enum<E>> List<Option> options(E[] values, Function<E, String> label) {
        return Arrays.stream(values).map(v -> Option.of(v.name(), label.apply(v))).toList();
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
