package org.mayorsoffice.casework.cases.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Adding or changing a topic. */
public class TopicForm {

    @NotBlank(message = "Enter the name of the topic")
    @Size(max = 200, message = "Name must be 200 characters or fewer")
    private String name;

    private boolean active = true;

    private long version;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
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
