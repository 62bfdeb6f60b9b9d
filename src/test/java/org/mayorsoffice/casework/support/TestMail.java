package org.mayorsoffice.casework.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP and IMAP server (GreenMail) for this test run, on free local ports. The application's
 * mail sender points at its SMTP port (see {@link TestDatabaseConfiguration}); tests may stop and
 * start it to simulate a mail-server outage.
 */
public final class TestMail {

    private static final int SMTP_PORT = freePort();
    private static final int IMAP_PORT = freePort();
    private static GreenMail server;

    private TestMail() {}

    public static synchronized GreenMail server() {
        if (server == null) {
            start();
        }
        return server;
    }

    public static int smtpPort() {
        return SMTP_PORT;
    }

    public static int imapPort() {
        return IMAP_PORT;
    }

    public static synchronized void start() {
        if (server != null) {
            return;
        }
        server = new GreenMail(new ServerSetup[] {
                new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        server.start();
    }

    /** Takes the mail server down; messages already received are lost with it. */
    public static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /**
     * Messages the SMTP server has accepted for this address. GreenMail stores a message on its own thread
     * just after accepting it, so this waits up to two seconds for the first one to appear.
     */
    public static List<MimeMessage> receivedBy(String address) {
        List<MimeMessage> found = stored(address);
        for (int i = 0; i < 20 && found.isEmpty(); i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            found = stored(address);
        }
        return found;
    }

    private static List<MimeMessage> stored(String address) {
        return Arrays.stream(server().getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
