package org.mayorsoffice.casework.correspondence.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The office mailbox the intake reads ({@code casework.intake.imap.*}). */
@ConfigurationProperties("casework.intake.imap")
public record ImapSettings(boolean enabled, String host, Integer port, boolean ssl, String username, String password,
        String folder, Duration pollInterval, Integer batchSize, Duration timeout) {

    public ImapSettings {
        port = port == null ? (ssl ? 993 : 143) : port;
        folder = folder == null || folder.isBlank() ? "INBOX" : folder;
        pollInterval = pollInterval == null ? Duration.ofMinutes(2) : pollInterval;
        batchSize = batchSize == null || batchSize < 1 ? 50 : Math.min(batchSize, 500);
        timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
    }
}
