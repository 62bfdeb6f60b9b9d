package org.mayorsoffice.casework.diary.web;

import org.mayorsoffice.casework.diary.internal.CalendarFeedService;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The member's private calendar subscription: issue, revoke, and the feed itself (public; the token is the key). */
@Controller
class FeedController {

    private final CalendarFeedService feeds;

    FeedController(CalendarFeedService feeds) {
        this.feeds = feeds;
    }

    @GetMapping("/diary/members/{id}/feed")
    @PreAuthorize(DiaryController.KEEPERS_AND_MEMBERS)
    String status(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("feed", feeds.status(id, user));
        return "diary/feed";
    }

    @PostMapping("/diary/members/{id}/feed")
    @PreAuthorize(DiaryController.KEEPERS_AND_MEMBERS)
    String issue(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        String token = feeds.issue(id, user);
        redirect.addFlashAttribute("feedUrl", feeds.feedUrl(token));
        redirect.addFlashAttribute("success", "New calendar subscription address created. Any earlier address no longer works.");
        return "redirect:/diary/members/" + id + "/feed";
    }

    @PostMapping("/diary/members/{id}/feed/revoke")
    @PreAuthorize(DiaryController.KEEPERS_AND_MEMBERS)
    String revoke(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        feeds.revoke(id, user);
        redirect.addFlashAttribute("success", "Calendar subscription turned off. The address no longer works.");
        return "redirect:/diary/members/" + id + "/feed";
    }

    @GetMapping("/diary/feed/{token}")
    @PreAuthorize("permitAll()")
    ResponseEntity<String> feed(@PathVariable String token) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .body(feeds.feed(token));
    }
}
