package org.mayorsoffice.casework.enquiries.web;

import java.time.DateTimeException;
import java.time.LocalDate;

/** The enquiry forms: mutable so that every typed value is kept when a page is shown again with errors. */
final class EnquiryForms {

    private EnquiryForms() {}

    public static class RaiseForm {
        private String recipient;
        private String question;

        public String getRecipient() {
            return recipient;
        }

        public void setRecipient(String recipient) {
            this.recipient = recipient;
        }

        public String getQuestion() {
            return question;
        }

        public void setQuestion(String question) {
            this.question = question;
        }
    }

    public static class ResponseForm {
        private String response;
        /** Files that came with the response; never redisplayed (a browser cannot refill a file input). */
        private java.util.List<org.springframework.web.multipart.MultipartFile> files;

        public java.util.List<org.springframework.web.multipart.MultipartFile> getFiles() {
            return files;
        }

        public void setFiles(java.util.List<org.springframework.web.multipart.MultipartFile> files) {
            this.files = files;
        }

        private String respondedOnDay;
        private String respondedOnMonth;
        private String respondedOnYear;

        void setRespondedOn(LocalDate day) {
            respondedOnDay = String.valueOf(day.getDayOfMonth());
            respondedOnMonth = String.valueOf(day.getMonthValue());
            respondedOnYear = String.valueOf(day.getYear());
        }

        boolean respondedOnBlank() {
            return blank(respondedOnDay) && blank(respondedOnMonth) && blank(respondedOnYear);
        }

        /** The typed date, or null when it is not a real date. */
        LocalDate respondedOn() {
            try {
                return LocalDate.of(Integer.parseInt(respondedOnYear.strip()), Integer.parseInt(respondedOnMonth.strip()),
                        Integer.parseInt(respondedOnDay.strip()));
            } catch (NullPointerException | NumberFormatException | DateTimeException e) {
                return null;
            }
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }

        public String getResponse() {
            return response;
        }

        public void setResponse(String response) {
            this.response = response;
        }

        public String getRespondedOnDay() {
            return respondedOnDay;
        }

        public void setRespondedOnDay(String respondedOnDay) {
            this.respondedOnDay = respondedOnDay;
        }

        public String getRespondedOnMonth() {
            return respondedOnMonth;
        }

        public void setRespondedOnMonth(String respondedOnMonth) {
            this.respondedOnMonth = respondedOnMonth;
        }

        public String getRespondedOnYear() {
            return respondedOnYear;
        }

        public void setRespondedOnYear(String respondedOnYear) {
            this.respondedOnYear = respondedOnYear;
        }
    }

    public static class WithdrawForm {
        private String reason;

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }
    }
}
