package org.mayorsoffice.casework.media.internal;

import java.time.Instant;
import java.util.List;

/** What the media pages show, assembled inside the service's transactions. */
public final class MediaViews {

    private MediaViews() {}

    public enum Kind {
        REQUEST("Media request"),
        PRESS_RELEASE("Press release or quote");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Status {
        NEW("New", "blue"),
        DRAFTING("Drafting", "light-blue"),
        AWAITING_APPROVAL("Awaiting approval", "yellow"),
        APPROVED("Approved, ready to send", "turquoise"),
        SENT("Sent", "green"),
        DECLINED("Declined", "grey");

        private final String label;
        private final String colour;

        Status(String label, String colour) {
            this.label = label;
            this.colour = colour;
        }

        public String label() {
            return label;
        }

        public String colour() {
            return colour;
        }

        public boolean open() {
            return this != SENT && this != DECLINED;
        }
    }

    /** One row of the Media view; {@code remaining} is e.g. "2 hours 59 minutes left", null without a deadline. */
    public record MediaRow(long id, String reference, Kind kind, String title, String journalist, String outlet,
            String member, Instant deadline, String remaining, boolean urgent, Status status, String href) {}

    public record CaseLink(long id, String reference, String subject) {}

    public record MediaDetail(long id, String reference, Kind kind, String title, String question, String journalist,
            Long journalistId, String outlet, Instant deadline, String remaining, boolean urgent, String member,
            Long memberId, String topic, Status status, String finalText, String approvedBy, Instant approvedAt,
            String contributors, Instant sentAt, String sentBy, String declinedReason, String createdBy,
            Instant createdAt, List<CaseLink> cases) {}

    /** What the new-request form gives the service. */
    public record NewMedia(Kind kind, String title, String question, String journalistName, String journalistEmail,
            String outlet, Instant deadline, Long memberId, Long topicId, String caseReferences) {}

    public enum Tone {
        POSITIVE("Positive", "green"),
        NEUTRAL("Neutral", "grey"),
        NEGATIVE("Negative", "red");

        private final String label;
        private final String colour;

        Tone(String label, String colour) {
            this.label = label;
            this.colour = colour;
        }

        public String label() {
            return label;
        }

        public String colour() {
            return colour;
        }
    }

    public record CoverageRow(long id, String outlet, java.time.LocalDate publishedOn, String headline, String linkText,
            Tone tone, String portfolio, String topic, List<CaseLink> cases) {}

    public record NewCoverage(String outlet, java.time.LocalDate publishedOn, String headline, String linkText,
            Tone tone, Long portfolioId, Long topicId, String caseReferences) {}

    /** How coverage of the chosen portfolio (or all) splits by tone. */
    public record ToneCounts(long positive, long neutral, long negative) {}
}
