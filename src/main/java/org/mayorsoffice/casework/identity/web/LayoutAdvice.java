package org.mayorsoffice.casework.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.HtmlUtils;

/** What the layout shows on every page: the council, the signed-in user and the navigation for their roles. */
@ControllerAdvice
class LayoutAdvice {

    record NavItem(String label, String href, boolean current) {}

    /** {@code navigationHtml}: the menu's list items, escaped markup built once per menu and current page. */
    record LayoutView(boolean signedIn, String displayName, String rolesLabel, String councilName, List<NavItem> navigation,
            String navigationHtml) {}

    /** A menu as rendered: the context path and the items (equal lists make equal keys; no string building). */
    private record MenuKey(String contextPath, List<NavItem> items) {}

    /** Rendered menus: a few dozen role and page combinations, so never pruned. */
    private final Map<MenuKey, String> renderedMenus = new ConcurrentHashMap<>();

    private final String councilName;

    LayoutAdvice(@Value("${casework.council-name:London Borough of Tower Hamlets}") String councilName) {
        this.councilName = councilName;
    }

    @ModelAttribute("layout")
    LayoutView layout(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof CurrentUser user)) {
            return new LayoutView(false, null, null, councilName, List.of(), "");
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String roles = user.roles().stream().map(Role::label).collect(Collectors.joining(", "));
        List<NavItem> navigation = navigation(user, path);
        String contextPath = request.getContextPath();
        String html = renderedMenus.computeIfAbsent(new MenuKey(contextPath, navigation), k -> menuHtml(k.contextPath(), k.items()));
        return new LayoutView(true, user.displayName(), roles, councilName, navigation, html);
    }

    /**
     * The GOV.UK service navigation items: the current one is marked active, with {@code aria-current="page"} and a bold
     * fallback. Built here rather than in the template because every page shows it (labels and links are fixed text,
     * escaped all the same).
     */
    static String menuHtml(String contextPath, List<NavItem> items) {
        StringBuilder html = new StringBuilder();
        for (NavItem item : items) {
            String label = HtmlUtils.htmlEscape(item.label(), "UTF-8");
            html.append("<li class=\"govuk-service-navigation__item")
                    .append(item.current() ? " govuk-service-navigation__item--active" : "")
                    .append("\"><a class=\"govuk-service-navigation__link\" href=\"")
                    .append(HtmlUtils.htmlEscape(contextPath + item.href(), "UTF-8")).append('"')
                    .append(item.current() ? " aria-current=\"page\">" : ">")
                    .append(item.current() ? "<strong class=\"govuk-service-navigation__active-fallback\">" + label + "</strong>" : label)
                    .append("</a></li>\n");
        }
        return html.toString();
    }

    static List<NavItem> navigation(CurrentUser user, String path) {
        List<String[]> links = new ArrayList<>();
        if (!user.mustChangePassword()) {
            links.add(new String[] {"Home", user.homePath()});
            if (user.hasRole(Role.CASEWORKER) || user.hasRole(Role.COORDINATOR)
                    || user.hasRole(Role.CABINET_SUPPORT_OFFICER) || user.hasRole(Role.HEAD_OF_OFFICE)) {
                links.add(new String[] {"People", "/people"});
            }
            if (user.hasRole(Role.CASEWORKER) || user.hasRole(Role.CABINET_SUPPORT_OFFICER)) {
                links.add(new String[] {"My cases", "/cases/mine"});
            }
            if (user.hasRole(Role.COORDINATOR) || user.hasRole(Role.HEAD_OF_OFFICE)) {
                links.add(new String[] {"Triage", "/cases/triage"});
                links.add(new String[] {"Allocation board", "/cases/board"});
            }
            boolean staff = user.hasRole(Role.CASEWORKER) || user.hasRole(Role.COORDINATOR)
                    || user.hasRole(Role.CABINET_SUPPORT_OFFICER) || user.hasRole(Role.HEAD_OF_OFFICE);
            if (staff) {
                links.add(new String[] {"Inbox", "/correspondence/triage"});
                links.add(new String[] {"Correspondence", "/correspondence"});
                links.add(new String[] {"Enquiries", "/enquiries"});
            }
            if (user.hasRole(Role.MEMBER) || user.hasRole(Role.HEAD_OF_OFFICE)) {
                links.add(new String[] {"Approvals", "/approvals"});
            }
            if (user.hasRole(Role.MEMBER) || user.hasRole(Role.CABINET_SUPPORT_OFFICER) || user.hasRole(Role.HEAD_OF_OFFICE)) {
                links.add(new String[] {"Diary", "/diary"});
            }
            if (user.hasRole(Role.CABINET_SUPPORT_OFFICER) || user.hasRole(Role.HEAD_OF_OFFICE)) {
                links.add(new String[] {"Briefings due", "/briefings/due"});
            }
            if (user.hasRole(Role.CABINET_SUPPORT_OFFICER) || user.hasRole(Role.COORDINATOR) || user.hasRole(Role.HEAD_OF_OFFICE)) {
                links.add(new String[] {"Media", "/media"});
                links.add(new String[] {"Council questions", "/questions"});
            }
            if (staff) {
                links.add(new String[] {"My actions", "/actions/mine"});
            }
            if (user.hasRole(Role.HEAD_OF_OFFICE) || user.hasRole(Role.COORDINATOR)) {
                links.add(new String[] {"Reports", "/reports"});
            } else if (user.hasRole(Role.MEMBER)) {
                links.add(new String[] {"My report", "/reports/member"});
            }
            if (staff || user.hasRole(Role.MEMBER)) {
                links.add(new String[] {"Strategic plan", "/plan"});
            }
            if (user.hasRole(Role.HEAD_OF_OFFICE)) {
                links.add(new String[] {"Audit log", "/audit"});
                links.add(new String[] {"Retention review", "/records/retention"});
                links.add(new String[] {"Handover", "/records/handover"});
            }
            if (user.hasRole(Role.ADMIN)) {
                links.add(new String[] {"Users", "/admin/users"});
                links.add(new String[] {"Members", "/admin/members"});
                links.add(new String[] {"Portfolios", "/admin/portfolios"});
                links.add(new String[] {"Retention rules", "/admin/retention"});
            }
        }
        String current = links.stream().map(l -> l[1])
                .filter(href -> path.equals(href) || path.startsWith(href + "/"))
                .reduce((a, b) -> b.length() > a.length() ? b : a)
                .orElse(null);
        return links.stream().map(l -> new NavItem(l[0], l[1], l[1].equals(current))).toList();
    }
}
