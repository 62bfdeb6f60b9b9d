package org.mayorsoffice.casework.people.web;

import jakarta.validation.constraints.NotNull;

/**
 * Merging a duplicate into the record being viewed: first choose it ({@code duplicateId}), then
 * check both records side by side and confirm ({@code confirm}, with the versions seen).
 */
public class MergeForm {

    static final String[] FIELDS = {"duplicateId", "q", "confirm", "keptVersion", "duplicateVersion"};

    @NotNull(message = "Select the duplicate record")
    private Long duplicateId;

    /** The search that found the candidates, so the list can be shown again. */
    private String q;

    private boolean confirm;

    private Long keptVersion;

    private Long duplicateVersion;

    public Long getDuplicateId() {
        return duplicateId;
    }

    public void setDuplicateId(Long duplicateId) {
        this.duplicateId = duplicateId;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public boolean isConfirm() {
        return confirm;
    }

    public void setConfirm(boolean confirm) {
        this.confirm = confirm;
    }

    public Long getKeptVersion() {
        return keptVersion;
    }

    public void setKeptVersion(Long keptVersion) {
        this.keptVersion = keptVersion;
    }

    public Long getDuplicateVersion() {
        return duplicateVersion;
    }

    public void setDuplicateVersion(Long duplicateVersion) {
        this.duplicateVersion = duplicateVersion;
    }
}
