package org.mayorsoffice.casework.organisation.web;

/**
 * Adding or changing a directorate or a service area in the directory. Everything is typed as text and
 * checked by the directory's rules, so a mistake gets a message rather than a binding error.
 */
public class ContactForm {

    private String name;
    private String enquiryEmail;
    private String seniorName;
    private String seniorEmail;
    private String targetDays;
    private boolean active = true;
    private long version;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEnquiryEmail() {
        return enquiryEmail;
    }

    public void setEnquiryEmail(String enquiryEmail) {
        this.enquiryEmail = enquiryEmail;
    }

    public String getSeniorName() {
        return seniorName;
    }

    public void setSeniorName(String seniorName) {
        this.seniorName = seniorName;
    }

    public String getSeniorEmail() {
        return seniorEmail;
    }

    public void setSeniorEmail(String seniorEmail) {
        this.seniorEmail = seniorEmail;
    }

    public String getTargetDays() {
        return targetDays;
    }

    public void setTargetDays(String targetDays) {
        this.targetDays = targetDays;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
