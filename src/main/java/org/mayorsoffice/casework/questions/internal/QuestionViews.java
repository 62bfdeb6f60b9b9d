package org.mayorsoffice.casework.questions.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the question pages show. */
public final class QuestionViews {

    private QuestionViews() {}

    public enum Meeting {
        COUNCIL("Full council"),
        CABINET("Cabinet");

        private final String label;

        Meeting(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum AskerKind {
        MEMBER("A councillor"),
        PUBLIC("A member of the public");

        private final String label;

        AskerKind(String label) {
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
        ANSWERED("Answered", "green");

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
    }

    public record NewQuestion(Meeting meeting, LocalDate meetingDate, AskerKind askerKind, String askedBy,
            long answeringMemberId, String question) {}

    public record QuestionRow(long id, String reference, Meeting meeting, LocalDate meetingDate, AskerKind askerKind,
            String askedBy, String answeringMember, String question, LocalDate answerDue, boolean overdue,
            Status status, String answer, String href) {}

    /** A meeting with questions, for the questions home page. */
    public record MeetingRow(Meeting meeting, LocalDate meetingDate, long questions, long answered, String href) {}

    public record ActionRow(long id, String description, LocalDate dueOn, boolean done, String createdBy) {}

    public record QuestionDetail(QuestionRow q, Long answeringMemberId, String approvedBy, Instant answeredAt,
            String createdBy, Instant createdAt, List<ActionRow> actions) {}
}
