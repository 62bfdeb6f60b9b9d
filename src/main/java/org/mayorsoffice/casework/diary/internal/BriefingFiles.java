package org.mayorsoffice.casework.diary.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;

/**
 * What a briefing file really is, by its content (magic bytes), and the safe name it is kept under.
 * Briefings are documents: PDF, Word (.docx), PowerPoint (.pptx) or plain text. Pure.
 */
public final class BriefingFiles {

    public static final String WRONG_TYPE = "The selected file must be a PDF, Word (.docx), PowerPoint (.pptx) or text file";

    record Checked(String fileName, String contentType) {}

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP = {'P', 'K', 0x03, 0x04};

    private BriefingFiles() {}

    static Checked check(String originalName, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new RuleViolationException("file", "The selected file is empty");
        }
        String name = cleanName(originalName);
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        String type = switch (ext) {
            case "pdf" -> startsWith(bytes, PDF) ? "application/pdf" : null;
            case "docx" -> isOoxml(bytes, "word/") ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document" : null;
            case "pptx" -> isOoxml(bytes, "ppt/") ? "application/vnd.openxmlformats-officedocument.presentationml.presentation" : null;
            case "txt" -> isUtf8Text(bytes) ? "text/plain;charset=UTF-8" : null;
            default -> null;
        };
        if (type == null) {
            throw new RuleViolationException("file", WRONG_TYPE);
        }
        return new Checked(name, type);
    }

    /** Keeps letters, digits, spaces and {@code . - _ ( )}; no path, at most 255 characters, never empty. */
    static String cleanName(String originalName) {
        String name = originalName == null ? "" : originalName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || ".-_() ".indexOf(c) >= 0) {
                clean.appendCodePoint(c);
            }
        });
        String result = clean.toString().replaceAll(" {2,}", " ").replaceAll("^[. ]+", "").strip();
        if (result.length() > 255) {
            int dot = result.lastIndexOf('.');
            String ext = dot > 0 ? result.substring(dot) : "";
            result = result.substring(0, 255 - ext.length()) + ext;
        }
        return result.isEmpty() || result.startsWith(".") ? "briefing" + result : result;
    }

    private static boolean isOoxml(byte[] bytes, String folder) {
        return startsWith(bytes, ZIP) && contains(bytes, "[Content_Types].xml".getBytes(StandardCharsets.US_ASCII))
                && contains(bytes, folder.getBytes(StandardCharsets.US_ASCII));
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

    private static boolean contains(byte[] bytes, byte[] needle) {
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
}
