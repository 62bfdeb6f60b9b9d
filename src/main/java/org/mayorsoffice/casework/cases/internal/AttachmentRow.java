package org.mayorsoffice.casework.cases.internal;

import java.time.Instant;

/**
 * One attachment as the case page lists it (never its content).
 *
 * @param typeLabel what the file is, from its detected type, e.g. "PDF"
 * @param sizeLabel e.g. "12 KB", "1.5 MB"
 * @param uploadedBy the uploader's display name
 * @param href where to download it
 */
public record AttachmentRow(long id, String fileName, String typeLabel, long sizeBytes, String sizeLabel,
        String description, String uploadedBy, Instant uploadedAt, String href) {}
