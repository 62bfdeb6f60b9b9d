package org.mayorsoffice.casework.correspondence;

/**
 * Reads new messages from the office mailbox ({@code casework.intake.imap.*}) into the correspondence
 * register. Safe to call at any time and from several places: each message is saved once (unique
 * Message-ID) and marked in the mailbox only after it is saved.
 */
public interface MailboxIntake {

    /**
     * What one poll did.
     *
     * @param fetched messages not yet marked as imported that the poll looked at
     * @param imported new items saved (including threaded ones)
     * @param duplicates messages already in the register (saved by an earlier poll that did not get to mark them)
     * @param threaded of the imported, those threaded onto a case by the reference in their subject
     * @param failed messages that could not be saved this time; left unmarked, so the next poll tries again
     */
    record PollResult(int fetched, int imported, int duplicates, int threaded, int failed) {

        public static final PollResult NOTHING = new PollResult(0, 0, 0, 0, 0);
    }

    /** Whether a mailbox is configured ({@code casework.intake.imap.enabled}). */
    boolean enabled();

    /** Polls the configured mailbox once; does nothing when intake is not enabled. */
    PollResult pollOnce();
}
