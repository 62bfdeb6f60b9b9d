package org.mayorsoffice.casework.notifications;

/** In-app notifications: the bell with an unread count, optionally copied by email. */
public interface Notifications {

    /**
     * Notifies a staff user in the caller's transaction.
     *
     * @param link a path inside the application (starting with "/") or null
     * @param email also send it by email (through the outbox) when the user has an email address
     */
    void notify(long userId, String message, String link, boolean email);

    long unreadCount(long userId);
}
