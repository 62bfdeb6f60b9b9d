package org.mayorsoffice.casework.responses;

import java.time.Instant;

/**
 * An approved response went out: the correspondence register records it as outgoing correspondence on
 * the case. Published in the dispatching transaction.
 *
 * @param channel "LETTER" (PDF produced for posting) or "EMAIL"
 * @param recipient the person's display name
 * @param recipientPersonId the person in the directory, or null
 * @param recipientEmail the address it was emailed to, or null for a posted letter
 * @param approvedBy display name of who approved it
 * @param dispatchedBy display name of who sent it
 */
public record ResponseDispatched(long caseId, long draftId, String channel, String recipient, Long recipientPersonId,
        String recipientEmail, String subject, String summary, Long memberId, String approvedBy, String dispatchedBy,
        Instant dispatchedAt) {}
