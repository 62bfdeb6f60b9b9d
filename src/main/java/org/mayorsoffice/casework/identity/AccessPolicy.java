package org.mayorsoffice.casework.identity;

import static org.mayorsoffice.casework.identity.Role.ADMIN;
import static org.mayorsoffice.casework.identity.Role.CABINET_SUPPORT_OFFICER;
import static org.mayorsoffice.casework.identity.Role.CASEWORKER;
import static org.mayorsoffice.casework.identity.Role.COORDINATOR;
import static org.mayorsoffice.casework.identity.Role.HEAD_OF_OFFICE;
import static org.mayorsoffice.casework.identity.Role.MEMBER;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.http.HttpMethod;

/**
 * The one declared table of who may use which route. The security filter chain is built from it
 * (anything not listed is denied), and {@code AccessPolicyTest} fails when a controller mapping
 * has no row here, then checks every row for every role over HTTP.
 *
 * <p>Record-level rules (e.g. restricted cases) are enforced in services on top of this table.
 */
public final class AccessPolicy {

    /** Who a rule lets in. */
    public enum Access {
        /** Anyone, signed in or not. */
        PUBLIC,
        /** Any signed-in user. */
        SIGNED_IN,
        /** Signed-in users holding one of the listed roles. */
        ROLES
    }

    /**
     * @param method the HTTP method, or null for any method (static files)
     * @param pattern a Spring path pattern, written exactly as in the controller mapping
     */
    public record Rule(HttpMethod method, String pattern, Access access, Set<Role> roles) {

        public boolean allows(Role role) {
            return access != Access.ROLES || roles.contains(role);
        }
    }

    private static final Set<Role> ADMINS = EnumSet.of(ADMIN);

    private static final List<Rule> CORE = List.of(
            // Public: sign-in, assets, error pages, health.
            anyone(HttpMethod.GET, "/login"),
            anyone(HttpMethod.POST, "/login"),
            anyone(null, "/css/**"),
            anyone(null, "/js/**"),
            anyone(null, "/images/**"),
            anyone(null, "/webjars/**"),
            anyone(null, "/assets/**"),
            anyone(HttpMethod.GET, "/favicon.ico"),
            anyone(null, "/error"),
            anyone(HttpMethod.GET, "/actuator/health"),
            anyone(HttpMethod.GET, "/actuator/health/**"),

            // Every signed-in user.
            signedIn(HttpMethod.GET, "/"),
            signedIn(HttpMethod.POST, "/logout"),
            signedIn(HttpMethod.GET, "/account/password"),
            signedIn(HttpMethod.POST, "/account/password"),

            // Home pages, one per role; the head of office sees every team's.
            roles(HttpMethod.GET, "/home/caseworker", CASEWORKER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/home/coordinator", COORDINATOR, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/home/support-officer", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/home/member", MEMBER),
            roles(HttpMethod.GET, "/home/head-of-office", HEAD_OF_OFFICE));

    private static final List<Rule> CASEWORK = List.of(
            // Casework. Record-level rules (restricted cases) are enforced by the cases module on top of these.
            roles(HttpMethod.GET, "/cases/new", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/cases", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/cases/mine", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            // Downloads (CSV / XLSX) of the case lists, with the lists' filters; {format} is csv or xlsx (else 404).
            roles(HttpMethod.GET, "/cases/mine.{format}", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/cases.{format}", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/cases/triage.{format}", COORDINATOR, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/cases/triage", COORDINATOR, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/cases/triage/allocate", COORDINATOR, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/cases/board", COORDINATOR, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/cases/{id}", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE, MEMBER),
            roles(HttpMethod.GET, "/cases/{id}/edit", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/cases/{id}", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/cases/{id}/note", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/cases/{id}/note", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/cases/{id}/status", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/cases/{id}/status", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/cases/{id}/allocate", COORDINATOR, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/cases/{id}/allocate", COORDINATOR, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/cases/{id}/deadline", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/cases/{id}/deadline", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/cases/{id}/action", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/cases/{id}/action", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/cases/{id}/audit", HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/cases/{id}/people", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/cases/{id}/people", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/cases/{id}/access", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/cases/{id}/access", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/cases/{id}/access/{userId}/remove", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/cases", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/cases/bulk", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/cases/{id}/link", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/cases/{id}/link", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/cases/{id}/tag", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/cases/{id}/tag", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/actions/mine", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/actions/{id}/done", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/cases/{id}/attachments/new", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/cases/{id}/attachments", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/attachments/{id}", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE, MEMBER));

    private static final List<Rule> PEOPLE = List.of(
            // People directory: correspondents; only a coordinator or the head of office may merge duplicates.
            roles(HttpMethod.GET, "/people", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/people/new", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/people", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/people/{id}", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/people/{id}/edit", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/people/{id}", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/people/{id}/merge", COORDINATOR, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/people/{id}/merge", COORDINATOR, HEAD_OF_OFFICE));

    private static final List<Rule> ADMINISTRATION = List.of(
            // Administration.
            roles(HttpMethod.GET, "/admin", ADMIN),
            roles(HttpMethod.GET, "/admin/users", ADMIN),
            roles(HttpMethod.GET, "/admin/users/new", ADMIN),
            roles(HttpMethod.POST, "/admin/users", ADMIN),
            roles(HttpMethod.GET, "/admin/users/{id}", ADMIN),
            roles(HttpMethod.GET, "/admin/users/{id}/edit", ADMIN),
            roles(HttpMethod.POST, "/admin/users/{id}", ADMIN),
            roles(HttpMethod.GET, "/admin/users/{id}/password", ADMIN),
            roles(HttpMethod.POST, "/admin/users/{id}/password", ADMIN),
            roles(HttpMethod.POST, "/admin/users/{id}/deactivate", ADMIN),
            roles(HttpMethod.POST, "/admin/users/{id}/reactivate", ADMIN),
            roles(HttpMethod.POST, "/admin/users/{id}/unlock", ADMIN),
            roles(HttpMethod.GET, "/admin/members", ADMIN),
            roles(HttpMethod.GET, "/admin/members/new", ADMIN),
            roles(HttpMethod.POST, "/admin/members", ADMIN),
            roles(HttpMethod.GET, "/admin/members/{id}/edit", ADMIN),
            roles(HttpMethod.POST, "/admin/members/{id}", ADMIN),
            roles(HttpMethod.GET, "/admin/portfolios", ADMIN),
            roles(HttpMethod.GET, "/admin/portfolios/new", ADMIN),
            roles(HttpMethod.POST, "/admin/portfolios", ADMIN),
            roles(HttpMethod.GET, "/admin/portfolios/{id}/edit", ADMIN),
            roles(HttpMethod.POST, "/admin/portfolios/{id}", ADMIN),
            roles(HttpMethod.GET, "/admin/case-types", ADMIN),
            roles(HttpMethod.GET, "/admin/case-types/new", ADMIN),
            roles(HttpMethod.POST, "/admin/case-types", ADMIN),
            roles(HttpMethod.GET, "/admin/case-types/{id}/edit", ADMIN),
            roles(HttpMethod.POST, "/admin/case-types/{id}", ADMIN),
            roles(HttpMethod.GET, "/admin/topics", ADMIN),
            roles(HttpMethod.GET, "/admin/topics/new", ADMIN),
            roles(HttpMethod.POST, "/admin/topics", ADMIN),
            roles(HttpMethod.GET, "/admin/topics/{id}/edit", ADMIN),
            roles(HttpMethod.POST, "/admin/topics/{id}", ADMIN),
            roles(HttpMethod.GET, "/admin/bank-holidays", ADMIN),
            roles(HttpMethod.POST, "/admin/bank-holidays", ADMIN),
            roles(HttpMethod.POST, "/admin/bank-holidays/{id}/remove", ADMIN));

    private static final List<Rule> NOTIFICATIONS = List.of(
            // Notifications (the bell) for everyone; the outgoing email queue for administrators.
            signedIn(HttpMethod.GET, "/notifications"),
            signedIn(HttpMethod.POST, "/notifications/{id}/open"),
            signedIn(HttpMethod.POST, "/notifications/read"),
            roles(HttpMethod.GET, "/admin/outbox", ADMIN),
            roles(HttpMethod.POST, "/admin/outbox/{id}/retry", ADMIN));

    // Correspondence register, triage inbox and campaigns. Items on cases also follow the case's confidentiality
    // (enforced by the correspondence module); members see campaigns, and they or the head of office approve responses.
    private static final List<Rule> CORRESPONDENCE = List.of(
            roles(HttpMethod.GET, "/correspondence", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/correspondence/new", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/correspondence", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/correspondence/attachments/{id}", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/correspondence/triage", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/correspondence/mailbox/check", COORDINATOR, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/correspondence/{id}/attach", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/correspondence/{id}/attach", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/correspondence/{id}/new-case", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/correspondence/{id}/new-case", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/correspondence/{id}/no-action", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/correspondence/{id}/no-action", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/correspondence/campaigns", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE, MEMBER),
            roles(HttpMethod.POST, "/correspondence/campaigns", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/correspondence/campaigns/{id}", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE, MEMBER),
            roles(HttpMethod.POST, "/correspondence/campaigns/{id}/response", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/correspondence/campaigns/{id}/approve", HEAD_OF_OFFICE, MEMBER),
            roles(HttpMethod.POST, "/correspondence/campaigns/{id}/send", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            // Last: the first matching rule applies, and "{id}" would also match "/correspondence/campaigns".
            roles(HttpMethod.GET, "/correspondence/{id}", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE));

    // Members' enquiries to directorates, and the directorate directory they are sent from (administrators).
    // Record-level rules (restricted cases) are enforced by the enquiries module through the case's visibility.
    private static final List<Rule> ENQUIRIES = List.of(
            roles(HttpMethod.GET, "/enquiries", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/enquiries/{id}", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/enquiries/{id}/response", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/enquiries/{id}/response", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/enquiries/{id}/withdraw", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/enquiries/{id}/withdraw", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/cases/{id}/enquiries", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/cases/{id}/enquiries/new", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/cases/{id}/enquiries", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/admin/directorates", ADMIN),
            roles(HttpMethod.GET, "/admin/directorates/new", ADMIN),
            roles(HttpMethod.POST, "/admin/directorates", ADMIN),
            roles(HttpMethod.GET, "/admin/directorates/{id}/edit", ADMIN),
            roles(HttpMethod.POST, "/admin/directorates/{id}", ADMIN),
            roles(HttpMethod.GET, "/admin/directorates/{id}/service-areas/new", ADMIN),
            roles(HttpMethod.POST, "/admin/directorates/{id}/service-areas", ADMIN),
            roles(HttpMethod.GET, "/admin/service-areas/{id}/edit", ADMIN),
            roles(HttpMethod.POST, "/admin/service-areas/{id}", ADMIN));

    // Draft responses, letter templates, approvals and dispatch.
    private static final List<Rule> RESPONSES = List.of(
            // Drafting on a case: staff who may see the case (checked by the service).
            roles(HttpMethod.GET, "/cases/{id}/drafts", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/cases/{id}/drafts/new", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/cases/{id}/drafts", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/drafts/{id}", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/drafts/{id}/edit", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/drafts/{id}", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/drafts/{id}/submit", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/drafts/{id}/versions/{number}", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/drafts/{id}/dispatch", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/drafts/{id}/dispatch", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            // The letter: staff who may see the case, or the draft's approver (checked by the service).
            roles(HttpMethod.GET, "/drafts/{id}/letter.pdf", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE, MEMBER),
            // Approvals: the member, their delegate, or the head of office for office-level cases (checked by the service).
            roles(HttpMethod.GET, "/approvals", MEMBER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/approvals/{id}", MEMBER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/approvals/{id}/approve", MEMBER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/approvals/{id}/return", MEMBER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/approvals/{id}/versions/{number}", MEMBER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/approvals/delegations", MEMBER),
            roles(HttpMethod.POST, "/approvals/delegations", MEMBER),
            roles(HttpMethod.POST, "/approvals/delegations/{id}/end", MEMBER),
            // Letter templates and standard lines.
            roles(HttpMethod.GET, "/admin/letter-templates", ADMIN),
            roles(HttpMethod.GET, "/admin/letter-templates/new", ADMIN),
            roles(HttpMethod.POST, "/admin/letter-templates", ADMIN),
            roles(HttpMethod.GET, "/admin/letter-templates/{id}/edit", ADMIN),
            roles(HttpMethod.POST, "/admin/letter-templates/{id}", ADMIN),
            // Resident updates on a case: acknowledgement and holding reply (case visibility checked by the service).
            roles(HttpMethod.GET, "/cases/{id}/acknowledgement", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/cases/{id}/acknowledgement", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/cases/{id}/holding-reply", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/cases/{id}/holding-reply", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/cases/{id}/resident-updates/{updateId}/letter.pdf", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE));

    // Media requests, press releases and monitoring: the communications side (cabinet support officers), the
    // coordinator and the head of office. Any caseworker may flag a case they can see as media-sensitive.
    private static final List<Rule> MEDIA = List.of(
            roles(HttpMethod.GET, "/media", CABINET_SUPPORT_OFFICER, COORDINATOR, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/media/new", CABINET_SUPPORT_OFFICER, COORDINATOR, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/media", CABINET_SUPPORT_OFFICER, COORDINATOR, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/media/coverage", CABINET_SUPPORT_OFFICER, COORDINATOR, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/media/coverage/new", CABINET_SUPPORT_OFFICER, COORDINATOR, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/media/coverage", CABINET_SUPPORT_OFFICER, COORDINATOR, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/media/{id}", CABINET_SUPPORT_OFFICER, COORDINATOR, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/media/{id}/statement", CABINET_SUPPORT_OFFICER, COORDINATOR, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/media/{id}/sent", CABINET_SUPPORT_OFFICER, COORDINATOR, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/media/{id}/decline", CABINET_SUPPORT_OFFICER, COORDINATOR, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/cases/{id}/media-sensitive", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE));

    // Members' and public questions for council and cabinet meetings: kept by the cabinet support officers,
    // the coordinator and the head of office; answers are approved through the Approvals queue.
    private static final List<Rule> QUESTIONS = List.of(
            roles(HttpMethod.GET, "/questions", CABINET_SUPPORT_OFFICER, COORDINATOR, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/questions/new", CABINET_SUPPORT_OFFICER, COORDINATOR, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/questions", CABINET_SUPPORT_OFFICER, COORDINATOR, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/questions/meetings/{meeting}/{date}", CABINET_SUPPORT_OFFICER, COORDINATOR, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/questions/meetings/{meeting}/{date}/export.csv", CABINET_SUPPORT_OFFICER, COORDINATOR, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/questions/{id}", CABINET_SUPPORT_OFFICER, COORDINATOR, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/questions/{id}/answer", CABINET_SUPPORT_OFFICER, COORDINATOR, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/questions/{id}/actions", CABINET_SUPPORT_OFFICER, COORDINATOR, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/questions/{id}/actions/{actionId}/done", CABINET_SUPPORT_OFFICER, COORDINATOR, HEAD_OF_OFFICE));

    // Members' diaries, invitations, briefings, surgeries and meeting notes. Cabinet support officers and the
    // head of office keep diaries; a member sees their own; the coordinator and caseworkers read diaries
    // (private engagements as "Busy"). Record-level rules are enforced by the diary module on top of these.
    private static final List<Rule> DIARY = List.of(
            roles(HttpMethod.GET, "/diary", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE, COORDINATOR, CASEWORKER, MEMBER),
            roles(HttpMethod.GET, "/diary/members/{id}", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE, COORDINATOR, CASEWORKER, MEMBER),
            roles(HttpMethod.GET, "/diary/members/{id}/feed", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE, MEMBER),
            roles(HttpMethod.POST, "/diary/members/{id}/feed", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE, MEMBER),
            roles(HttpMethod.POST, "/diary/members/{id}/feed/revoke", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE, MEMBER),
            // The calendar feed: public, the long random token in the path is the key (unknown or revoked: 404).
            anyone(HttpMethod.GET, "/diary/feed/{token}"),
            roles(HttpMethod.GET, "/diary/engagements/new", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/diary/engagements", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/diary/engagements/{id}", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE, COORDINATOR, CASEWORKER, MEMBER),
            roles(HttpMethod.GET, "/diary/engagements/{id}/edit", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/diary/engagements/{id}", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/diary/engagements/{id}/status", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/diary/engagements/{id}/requirements", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/diary/engagements/{id}/requirements", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/diary/engagements/{id}/requirements/{requirementId}/arranged", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/diary/engagements/{id}/people", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/diary/engagements/{id}/people", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/diary/engagements/{id}/people/{personId}/remove", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/diary/engagements/{id}/pack", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE, MEMBER),
            roles(HttpMethod.GET, "/diary/engagements/{id}/notes", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/diary/engagements/{id}/notes", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/diary/engagements/{id}/actions", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/diary/actions/mine", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE, COORDINATOR, CASEWORKER),
            roles(HttpMethod.POST, "/diary/actions/{id}/done", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE, COORDINATOR, CASEWORKER),
            roles(HttpMethod.GET, "/invitations", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/invitations/new", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/invitations", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/invitations/{id}", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/invitations/{id}/decision", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/briefings/due", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/briefings/new", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/briefings", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/briefings/files/{id}", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/briefings/{id}", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/briefings/{id}", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/briefings/{id}/files", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/surgeries", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/surgeries/new", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/surgeries", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/surgeries/{id}", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/surgeries/{id}/book", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/surgeries/{id}/bookings", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/surgeries/{id}/walk-ins", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/surgeries/{id}/attendances/{attendanceId}/case", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/surgeries/{id}/attendances/{attendanceId}/case", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/stakeholders", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/stakeholders/{id}", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE));

    // One search box for staff; results follow each case's confidentiality (enforced by the search module).
    private static final List<Rule> SEARCH = List.of(
            roles(HttpMethod.GET, "/search", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            // Data protection: subject access requests.
            roles(HttpMethod.GET, "/people/{id}/subject-access", COORDINATOR, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/people/{id}/subject-access", COORDINATOR, HEAD_OF_OFFICE),
            // Erasure on request, and the legal holds that stop it: the head of office only.
            roles(HttpMethod.GET, "/people/{id}/erase", HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/people/{id}/erase", HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/people/{id}/legal-hold", HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/cases/{id}/legal-hold", HEAD_OF_OFFICE));

    /** Records management: retention, handover to a new office-holder, the audit log. */
    private static final List<Rule> RECORDS = List.of(
            roles(HttpMethod.GET, "/cases/{id}/legal-hold", HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/cases/{id}/personal", HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/admin/retention", ADMIN),
            roles(HttpMethod.GET, "/admin/retention/{caseTypeId}", ADMIN),
            roles(HttpMethod.POST, "/admin/retention/{caseTypeId}", ADMIN),
            roles(HttpMethod.GET, "/records/retention", HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/records/retention/dry-run", HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/records/retention/batches", HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/records/retention/batches/{id}", HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/records/retention/batches/{id}/items/{caseId}", HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/records/retention/batches/{id}/approve", HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/records/retention/batches/{id}/cancel", HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/records/handover", HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/records/handover/check", HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/records/handover", HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/records/handover/{id}", HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/records/handover/{id}/report.csv", HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/audit", HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/audit/export.csv", HEAD_OF_OFFICE));

    // Reports: the office dashboard and its exports (head of office, coordinator); a member's own dashboard.
    // Every figure counts only the cases the user may see (enforced by the reports module's queries).
    private static final List<Rule> REPORTS = List.of(
            roles(HttpMethod.GET, "/reports", HEAD_OF_OFFICE, COORDINATOR),
            roles(HttpMethod.GET, "/reports/member", MEMBER),
            roles(HttpMethod.GET, "/reports/member/{table}.csv", MEMBER),
            roles(HttpMethod.GET, "/reports/member/{table}.xlsx", MEMBER),
            roles(HttpMethod.GET, "/reports/cases.csv", HEAD_OF_OFFICE, COORDINATOR),
            roles(HttpMethod.GET, "/reports/cases.xlsx", HEAD_OF_OFFICE, COORDINATOR),
            roles(HttpMethod.GET, "/reports/{table}.csv", HEAD_OF_OFFICE, COORDINATOR),
            roles(HttpMethod.GET, "/reports/{table}.xlsx", HEAD_OF_OFFICE, COORDINATOR),
            // API tokens for the reporting feed.
            roles(HttpMethod.GET, "/admin/api-tokens", ADMIN),
            roles(HttpMethod.POST, "/admin/api-tokens", ADMIN),
            roles(HttpMethod.POST, "/admin/api-tokens/{id}/revoke", ADMIN),
            // The reporting feed: public (no session sign-in); the controller requires an API token (Bearer) and
            // answers 401 without a live one. Restricted cases never appear in it.
            anyone(HttpMethod.GET, "/feed/cases.csv"),
            anyone(HttpMethod.GET, "/feed/cases.json"),
            anyone(HttpMethod.GET, "/feed/enquiries.csv"),
            anyone(HttpMethod.GET, "/feed/enquiries.json"),
            anyone(HttpMethod.GET, "/feed/engagements.csv"),
            anyone(HttpMethod.GET, "/feed/engagements.json"));

    // The Mayor's strategic plan and the delivery plan: everyone in the office reads them; the head of office and
    // cabinet support officers keep them up to date.
    private static final List<Rule> STRATEGY = List.of(
            roles(HttpMethod.GET, "/plan", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE, MEMBER),
            roles(HttpMethod.GET, "/plan.csv", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE, MEMBER),
            roles(HttpMethod.GET, "/plan.xlsx", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE, MEMBER),
            roles(HttpMethod.GET, "/plan/delivery", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE, MEMBER),
            roles(HttpMethod.GET, "/plan/delivery.csv", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE, MEMBER),
            roles(HttpMethod.GET, "/plan/delivery.xlsx", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE, MEMBER),
            roles(HttpMethod.GET, "/plan/priorities/new", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/plan/priorities", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/plan/items/{id}", CASEWORKER, COORDINATOR, CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE, MEMBER),
            roles(HttpMethod.GET, "/plan/items/{id}/new", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/plan/items/{id}/children", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.GET, "/plan/items/{id}/edit", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/plan/items/{id}", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE),
            roles(HttpMethod.POST, "/plan/items/{id}/updates", CABINET_SUPPORT_OFFICER, HEAD_OF_OFFICE));

    private static final List<Rule> ACTUATOR = List.of(
            // Other actuator endpoints (info, metrics) are for administrators.
            new Rule(null, "/actuator/**", Access.ROLES, ADMINS));

    /** Every route, section by section; anything not listed is denied. */
    public static final List<Rule> RULES = Stream.of(CORE, CASEWORK, PEOPLE, ADMINISTRATION, NOTIFICATIONS,
                    CORRESPONDENCE, ENQUIRIES, RESPONSES, DIARY, SEARCH, RECORDS, REPORTS, STRATEGY, MEDIA, QUESTIONS, ACTUATOR)
            .flatMap(List::stream).toList();

    private AccessPolicy() {}

    private static Rule anyone(HttpMethod method, String pattern) {
        return new Rule(method, pattern, Access.PUBLIC, Set.of());
    }

    private static Rule signedIn(HttpMethod method, String pattern) {
        return new Rule(method, pattern, Access.SIGNED_IN, Set.of());
    }

    private static Rule roles(HttpMethod method, String pattern, Role first, Role... rest) {
        return new Rule(method, pattern, Access.ROLES, EnumSet.of(first, rest));
    }
}
