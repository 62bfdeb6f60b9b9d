package org.mayorsoffice.casework.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** Whose menu: everything the links depend on. */
    private record MenuFor(Set<Role> roles, boolean mustChangePassword, String homePath) {}

    /** A role combination's links ({label, href} pairs in menu order) and its roles label, worked out once. */
    private record Menu(List<String[]> links, String rolesLabel) {}

    /** A menu as rendered on one page: the items (the current one marked) and their markup. */
    private record Rendered(List<NavItem> items, String html) {}

    /**
     * A page's menu, keyed by the one cached {@link Menu} instance of its role combination (its arrays compare by
     * identity).
     */
    private record RenderedKey(Menu menu, String contextPath, String current) {}

    /** Menus per role combination and rendered menus per page: a few dozen of each, so never pruned. */
    private final Map<MenuFor, Menu> menus = new ConcurrentHashMap<>();
    private final Map<RenderedKey, Rendered> renderedMenus = new ConcurrentHashMap<>();

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
        String contextPath = request.getContextPath();
        String path = request.getRequestURI().substring(contextPath.length());
        Menu menu = menu(user);
        RenderedKey key = new RenderedKey(menu, contextPath, current(menu.links(), path));
        Rendered rendered = renderedMenus.computeIfAbsent(key, k -> {
            List<NavItem> items = items(k.menu().links(), k.current());
            return new Rendered(items, menuHtml(k.contextPath(), items));
        });
        return new LayoutView(true, user.displayName(), menu.rolesLabel(), councilName, rendered.items(), rendered.html());
    }

    private Menu menu(CurrentUser user) {
        return menus.computeIfAbsent(new MenuFor(user.roles(), user.mustChangePassword(), user.homePath()), k -> new Menu(
                List.copyOf(links(user)), user.roles().stream().map(Role::label).collect(Collectors.joining(", "))));
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

    /** The links a user's roles give, in menu order: {label, href}. */
    private static List<String[]> links(CurrentUser user) {
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
        return links;
    }

    /** The href of the link the page is under (the longest that matches), or null. */
    private static String current(List<String[]> links, String path) {
        String current = null;
        for (String[] link : links) {
            String href = link[1];
            boolean under = path.equals(href)
                    || (path.startsWith(href) && path.length() > href.length() && path.charAt(href.length()) == '/');
            if (under && (current == null || href.length() > current.length())) {
                current = href;
            }
        }
        return current;
    }

    private static List<NavItem> items(List<String[]> links, String current) {
        return links.stream().map(l -> new NavItem(l[0], l[1], l[1].equals(current))).toList();
    }
}
