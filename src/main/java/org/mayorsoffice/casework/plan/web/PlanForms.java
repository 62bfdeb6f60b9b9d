package org.mayorsoffice.casework.plan.web;

/** The plan's forms, bound as text so a mistake gets a message and nothing typed is lost. */
final class PlanForms {

    private PlanForms() {}

    /** A priority, commitment or milestone. */
    public static class ItemForm {
        private String title;
        private String description;
        private String directorateId;
        private String owner;
        private String portfolioId;
        private String targetDateDay;
        private String targetDateMonth;
        private String targetDateYear;
        private String completedOnDay;
        private String completedOnMonth;
        private String completedOnYear;
        private long version;

        public String getTitle() { return title; }
        public void setTitle(String v) { this.title = v; }
        public String getDescription() { return description; }
        public void setDescription(String v) { this.description = v; }
        public String getDirectorateId() { return directorateId; }
        public void setDirectorateId(String v) { this.directorateId = v; }
        public String getOwner() { return owner; }
        public void setOwner(String v) { this.owner = v; }
        public String getPortfolioId() { return portfolioId; }
        public void setPortfolioId(String v) { this.portfolioId = v; }
        public String getTargetDateDay() { return targetDateDay; }
        public void setTargetDateDay(String v) { this.targetDateDay = v; }
        public String getTargetDateMonth() { return targetDateMonth; }
        public void setTargetDateMonth(String v) { this.targetDateMonth = v; }
        public String getTargetDateYear() { return targetDateYear; }
        public void setTargetDateYear(String v) { this.targetDateYear = v; }
        public String getCompletedOnDay() { return completedOnDay; }
        public void setCompletedOnDay(String v) { this.completedOnDay = v; }
        public String getCompletedOnMonth() { return completedOnMonth; }
        public void setCompletedOnMonth(String v) { this.completedOnMonth = v; }
        public String getCompletedOnYear() { return completedOnYear; }
        public void setCompletedOnYear(String v) { this.completedOnYear = v; }
        public long getVersion() { return version; }
        public void setVersion(long v) { this.version = v; }
    }

    /** A dated progress update with its RAG status. */
    public static class UpdateForm {
        private String onDay;
        private String onMonth;
        private String onYear;
        private String rag;
        private String progress;
        private boolean complete;

        public String getOnDay() { return onDay; }
        public void setOnDay(String v) { this.onDay = v; }
        public String getOnMonth() { return onMonth; }
        public void setOnMonth(String v) { this.onMonth = v; }
        public String getOnYear() { return onYear; }
        public void setOnYear(String v) { this.onYear = v; }
        public String getRag() { return rag; }
        public void setRag(String v) { this.rag = v; }
        public String getProgress() { return progress; }
        public void setProgress(String v) { this.progress = v; }
        public boolean isComplete() { return complete; }
        public void setComplete(boolean v) { this.complete = v; }
    }

    /** A chosen id, or null when blank or not a number (the service then says "choose from the list"). */
    static Long id(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}
