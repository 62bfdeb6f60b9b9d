package org.mayorsoffice.casework.identity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public class PortfolioForm {

    @NotBlank(message = "Enter the portfolio's name")
    @Size(max = 200, message = "Name must be 200 characters or fewer")
    private String name;

    @Size(max = 2000, message = "Description must be 2,000 characters or fewer")
    private String description;

    private Long memberId;

    private boolean active = true;

    private long version;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Long getMemberId() {
        return memberId;
    }

    public void setMemberId(Long memberId) {
        this.memberId = memberId;
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
