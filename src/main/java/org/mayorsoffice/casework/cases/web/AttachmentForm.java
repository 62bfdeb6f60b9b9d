package org.mayorsoffice.casework.cases.web;

import org.springframework.web.multipart.MultipartFile;

/** The upload page: one file and an optional description. */
public class AttachmentForm {

    private MultipartFile file;
    private String description;

    public MultipartFile getFile() { return file; }
    public void setFile(MultipartFile file) { this.file = file; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
}
