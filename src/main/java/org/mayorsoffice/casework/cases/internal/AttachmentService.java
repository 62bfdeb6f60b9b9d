package org.mayorsoffice.casework.cases.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.mayorsoffice.casework.audit.AuditEntry;
import org.mayorsoffice.casework.cases.CaseEnums.Confidentiality;
import org.mayorsoffice.casework.cases.internal.AttachmentFiles.Checked;
import org.mayorsoffice.casework.cases.internal.AttachmentFiles.FileType;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Files attached to cases: letters, photos, emails. Only files whose content is one of the accepted
 * types are kept (see {@link AttachmentFiles}), in PostgreSQL with a SHA-256 of the content. Every
 * read and write applies {@link CaseVisibility}; downloads from sensitive and restricted cases are audited.
 */
@Service
@Transactional(readOnly = true)
public class AttachmentService {

    /** At most this many attachments are listed on a case page, newest first. */
    public static final int LIST_LIMIT = 200;

    /** An attachment's content, ready to send. {@code contentType} is the type detected at upload. */
    public record Download(String fileName, String contentType, byte[] bytes) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final CaseAccessAudit accessAudit;
    private final DataSize maxSize;

    AttachmentService(JdbcClient jdbc, ApplicationEventPublisher events, CaseAccessAudit accessAudit,
            @Value("${casework.attachments.max-size:10MB}") DataSize maxSize) {
        this.jdbc = jdbc;
        this.events = events;
        this.accessAudit = accessAudit;
        this.maxSize = maxSize;
    }

    /** Stores the file on the case, adds it to the timeline and audits it; refusals store nothing. */
    @Transactional
    public long upload(long caseId, String originalName, byte[] bytes, String description, CurrentUser user) {
        visibleCase(caseId, user);
        if ((bytes == null || bytes.length == 0) && (originalName == null || originalName.isBlank())) {
            throw new RuleViolationException("file", "Select a file");
        }
        if (bytes == null || bytes.length == 0) {
            throw new RuleViolationException("file", "The selected file is empty");
        }
        if (bytes.length > maxSize.toBytes()) {
            throw new RuleViolationException("file", tooLargeMessage());
        }
        Checked checked = AttachmentFiles.check(originalName, bytes);
        String note = description == null || description.isBlank() ? null : description.strip();
        if (note != null && note.length() > 500) {
            throw new RuleViolationException("description", "Description must be 500 characters or fewer");
        }
        String sha256 = sha256(bytes);
        long id = jdbc.sql("insert into case_attachment (case_id, file_name, content_type, size_bytes, sha256, content,"
                        + " description, uploaded_by) values (?, ?, ?, ?, ?, ?, ?, ?) returning id")
                .params(caseId, checked.fileName(), checked.type().contentType(), (long) bytes.length, sha256, bytes, note,
                        user.getUsername())
                .query(Long.class).single();
        jdbc.sql("insert into case_event (case_id, actor, kind, internal, body) values (?, ?, 'ATTACHMENT', false, ?)")
                .params(caseId, user.displayName(), "Attachment added: " + checked.fileName()).update();
        events.publishEvent(AuditEntry.of(user.getUsername(), "case.attachment-added", "case", caseId)
                .change("fileName", null, checked.fileName())
                .detail(checked.type().label() + ", " + bytes.length + " bytes, SHA-256 " + sha256)
                .build());
        return id;
    }

    /** The attachment, if the user may see its case; anything else is "not found" and the attempt is audited. */
    public Download download(long attachmentId, CurrentUser user) {
        long caseId = jdbc.sql("select case_id from case_attachment where id = ?").param(attachmentId)
                .query(Long.class).optional().orElseThrow(() -> new NotFoundException("Attachment"));
        Confidentiality confidentiality = visibleCase(caseId, user); // before any content is read
        Download download = jdbc.sql("select file_name, content_type, content from case_attachment where id = ?")
                .param(attachmentId)
                .query((rs, n) -> new Download(rs.getString("file_name"), rs.getString("content_type"), rs.getBytes("content")))
                .single();
        if (confidentiality != Confidentiality.STANDARD) {
            accessAudit.record(user.getUsername(), "case.attachment-downloaded", caseId, "Attachment " + attachmentId
                    + " (" + download.fileName() + ") downloaded from a " + confidentiality.label().toLowerCase() + " case");
        }
        return download;
    }

    /** The case's attachments, newest first (at most {@link #LIST_LIMIT}); none when the user may not see the case. */
    public List<AttachmentRow> list(long caseId, CurrentUser user) {
        CaseVisibility visibility = CaseVisibility.of(user);
        return jdbc.sql("""
                        select a.id, a.file_name, a.content_type, a.size_bytes, a.description, a.uploaded_at,
                               coalesce(u.display_name, a.uploaded_by) as uploader
                          from case_attachment a
                          join casework_case c on c.id = a.case_id
                          left join app_user u on u.username = a.uploaded_by
                         where a.case_id = :id and """ + CaseVisibility.clause("c") + """
                         order by a.uploaded_at desc, a.id desc
                         limit :limit""")
                .param("id", caseId).param("limit", LIST_LIMIT).params(visibility.params())
                .query((rs, n) -> new AttachmentRow(rs.getLong("id"), rs.getString("file_name"),
                        typeLabel(rs.getString("content_type")), rs.getLong("size_bytes"),
                        AttachmentFiles.sizeLabel(rs.getLong("size_bytes")), rs.getString("description"),
                        rs.getString("uploader"), rs.getTimestamp("uploaded_at").toInstant(),
                        "/attachments/" + rs.getLong("id")))
                .list();
    }

    /** The safe name an attachment was stored under (for the confirmation after an upload). */
    public String fileName(long attachmentId) {
        return jdbc.sql("select file_name from case_attachment where id = ?").param(attachmentId)
                .query(String.class).optional().orElseThrow(() -> new NotFoundException("Attachment"));
    }

    /** "The selected file must be smaller than 10MB", for the configured limit. */
    public String tooLargeMessage() {
        return "The selected file must be smaller than " + maxSizeLabel();
    }

    /** The configured largest file, as people write it: "10MB". */
    public String maxSizeLabel() {
        long bytes = maxSize.toBytes();
        if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return maxSize.toMegabytes() + "MB";
        }
        if (bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
            return maxSize.toKilobytes() + "KB";
        }
        return bytes + " bytes";
    }

    /** What the upload page says may be attached. */
    public String allowedTypesHint() {
        return AttachmentFiles.ALLOWED_TYPES_HINT;
    }

    /** The file input's {@code accept} list. */
    public String acceptedExtensions() {
        return AttachmentFiles.ACCEPT;
    }

    /**
     * The case's confidentiality, if the user may see it; otherwise "not found", with the refused
     * attempt on an existing case audited (the same rule as {@code CaseService.visibleCase}).
     */
    private Confidentiality visibleCase(long caseId, CurrentUser user) {
        CaseVisibility visibility = CaseVisibility.of(user);
        var confidentiality = jdbc.sql("select c.confidentiality from casework_case c where c.id = :id and "
                        + CaseVisibility.clause("c"))
                .param("id", caseId).params(visibility.params()).query(String.class).optional();
        if (confidentiality.isEmpty()) {
            boolean exists = jdbc.sql("select count(*) from casework_case where id = ?").param(caseId)
                    .query(Long.class).single() > 0;
            if (exists) {
                accessAudit.record(user.getUsername(), "case.access-refused", caseId, null);
            }
            throw new NotFoundException("Case");
        }
        return Confidentiality.valueOf(confidentiality.get());
    }

    private static String typeLabel(String contentType) {
        return Arrays.stream(FileType.values()).filter(t -> t.contentType().equals(contentType)).findFirst()
                .map(FileType::label).orElse("File");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
