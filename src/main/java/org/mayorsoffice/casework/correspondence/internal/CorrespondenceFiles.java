package org.mayorsoffice.casework.correspondence.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;

/**
 * What a file attached to a piece of correspondence really is, judged by its content (magic bytes) and
 * checked against its name's extension: PDF, Word (.docx), JPEG, PNG, text or email (.eml) only. Pure.
 * (The same approach as the cases module's attachment checks, with the register's narrower list.)
 */
final class CorrespondenceFiles {

    static final String WRONG_TYPE = "The selected file must be a PDF, Word (.docx), JPEG, PNG, text or email (.eml) file";
    static final String ACCEPT = ".pdf,.docx,.jpg,.jpeg,.png,.txt,.eml";

    enum FileType {
        PDF("application/pdf", Set.of("pdf")),
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Set.of("docx")),
        JPEG("image/jpeg", Set.of("jpg", "jpeg")),
        PNG("image/png", Set.of("png")),
        TEXT("text/plain;charset=UTF-8", Set.of("txt")),
        EMAIL("message/rfc822", Set.of("eml"));

        final String contentType;
        final Set<String> extensions;

        FileType(String contentType, Set<String> extensions) {
            this.contentType = contentType;
            this.extensions = extensions;
        }
    }

    record Checked(String fileName, FileType type) {}

    private CorrespondenceFiles() {}

    /** The safe name and detected type, or {@link RuleViolationException} on field {@code file}. */
    static Checked check(String originalName, byte[] bytes) {
        String name = cleanName(originalName);
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        String base = dot > 0 ? name.substring(0, dot) : name;
        for (String part : base.toLowerCase(Locale.ROOT).split("\\.")) {
            if (Set.of("exe", "bat", "cmd", "com", "scr", "js", "vbs", "jar", "sh", "ps1", "msi", "html", "htm", "svg",
                    "docm").contains(part.strip())) {
                throw wrongType();
            }
        }
        FileType type = detect(bytes, extension);
        if (type == null || !type.extensions.contains(extension)) {
            throw wrongType();
        }
        base = base.replaceAll("^[. ]+", "").replaceAll("[. ]+$", "");
        if (base.length() > 200) {
            base = base.substring(0, 200);
        }
        return new Checked((base.isEmpty() ? "attachment" : base) + "." + extension, type);
    }

    static FileType detect(byte[] bytes, String extension) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        if (startsWith(bytes, "MZ".getBytes(StandardCharsets.US_ASCII)) || startsWith(bytes, new byte[] {0x7F, 'E', 'L', 'F'})
                || startsWith(bytes, "#!".getBytes(StandardCharsets.US_ASCII))) {
            return null;
        }
        if (startsWith(bytes, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return FileType.PDF;
        }
        if (startsWith(bytes, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return FileType.PNG;
        }
        if (startsWith(bytes, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return FileType.JPEG;
        }
        if (startsWith(bytes, new byte[] {'P', 'K', 0x03, 0x04})) {
            return "docx".equals(extension) && contains(bytes, "[Content_Types].xml") && contains(bytes, "word/")
                    ? FileType.DOCX : null;
        }
        if (("txt".equals(extension) || "eml".equals(extension)) && isUtf8Text(bytes)) {
            return "txt".equals(extension) ? FileType.TEXT : FileType.EMAIL;
        }
        return null;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static String sizeLabel(long bytes) {
        if (bytes < 1024 * 1024) {
            return Math.max(1, (bytes + 1023) / 1024) + " KB";
        }
        return String.format(Locale.UK, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static String cleanName(String originalName) {
        String name = originalName == null ? "" : originalName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder clean = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                return;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                clean.append(' ');
            } else if (Character.isLetterOrDigit(c) || ".-_(),&+".indexOf(c) >= 0) {
                clean.appendCodePoint(c);
            }
        });
        return clean.toString().replaceAll(" {2,}", " ").strip();
    }

    private static boolean isUtf8Text(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean contains(byte[] bytes, String text) {
        byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i <= bytes.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static RuleViolationException wrongType() {
        return new RuleViolationException("files", WRONG_TYPE);
    }
}
