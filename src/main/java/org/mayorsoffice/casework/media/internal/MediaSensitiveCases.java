package org.mayorsoffice.casework.media.internal;

import org.mayorsoffice.casework.cases.CaseMediaSensitivityChanged;
import org.mayorsoffice.casework.identity.Role;
import org.mayorsoffice.casework.identity.Signatories;
import org.mayorsoffice.casework.identity.Signatories.StaffUser;
import org.mayorsoffice.casework.notifications.Notifications;
import org.mayorsoffice.casework.notifications.Outbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the communications contact when a case is flagged as media-sensitive: every cabinet support officer
 * (the office's communications team) gets an in-app notification, and when
 * {@code casework.media.communications-email} is set (the press office mailbox) an email is queued there too.
 * The message carries the case reference only; the case page applies its own confidentiality rules.
 */
@Component
class MediaSensitiveCases {

    private final Signatories signatories;
    private final Notifications notifications;
    private final Outbox outbox;
    private final String communicationsEmail;

    MediaSensitiveCases(Signatories signatories, Notifications notifications, Outbox outbox,
            @Value("${casework.media.communications-email:}") String communicationsEmail) {
        this.signatories = signatories;
        this.notifications = notifications;
        this.outbox = outbox;
        this.communicationsEmail = communicationsEmail.strip();
    }

    @EventListener
    void on(CaseMediaSensitivityChanged e) {
        if (!e.sensitive()) {
            return;
        }
        String message = "Case " + e.reference() + " flagged as media-sensitive by " + e.changedBy() + ".";
        for (StaffUser u : signatories.usersWithRole(Role.CABINET_SUPPORT_OFFICER)) {
            if (u.userId() != e.changedById()) {
                notifications.notify(u.userId(), message, "/cases/" + e.caseId(), false);
            }
        }
        if (!communicationsEmail.isEmpty()) {
            outbox.queue(Outbox.Email.of(communicationsEmail, "Media-sensitive case " + e.reference(),
                    message + "\n\nOpen the case in Mayor's Office Casework to see the details.\n",
                    "media-sensitive:" + e.caseId()));
        }
    }
}
