package org.mayorsoffice.casework.cases.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;

/**
 * What an uploaded file really is, judged by its content (magic bytes) rather than by its name or
 * the browser's say-so, and the safe name it is stored and offered under. Pure: no Spring, no database.
 *
 * <p>The name's extension must agree with the content ({@code report.pdf} holding a PNG is refused);
 * ZIP-based Office files and text files are told apart by their extension, because their content
 * alone does not say which they are.
 */
final class AttachmentFiles {

    static final String WRONG_TYPE =
            "The selected file must be a PDF, Word, Excel, PowerPoint, image, RTF, CSV, text or email file";

    /** What the upload page tells people they may attach. */
    static final String ALLOWED_TYPES_HINT = "PDF, Word, Excel, PowerPoint, image (PNG, JPEG or GIF), RTF, CSV, text or email (.eml)";

    /** The {@code accept} attribute of the file input: a convenience for the browser's picker, not a check. */
    static final String ACCEPT = ".pdf,.png,.jpg,.jpeg,.gif,.doc,.docx,.xls,.xlsx,.pptx,.rtf,.txt,.csv,.eml";

    static final int MAX_NAME_LENGTH = 255;

    /** The file types allowed, each with the content type it is stored and served as and the extensions it may carry. */
    enum FileType {
        PDF("application/pdf", "PDF", "pdf"),
        PNG("image/png", "PNG image", "png"),
        JPEG("image/jpeg", "JPEG image", "jpg", "jpeg"),
        GIF("image/gif", "GIF image", "gif"),
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word document", "docx"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel spreadsheet", "xlsx"),
        PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint presentation", "pptx"),
        DOC("application/msword", "Word document", "doc"),
        XLS("application/vnd.ms-excel", "Excel spreadsheet", "xls"),
        RTF("application/rtf", "RTF document", "rtf"),
        TEXT("text/plain;charset=UTF-8", "Text file", "txt"),
        CSV("text/csv;charset=UTF-8", "CSV file", "csv"),
        EMAIL("message/rfc822", "Email", "eml");

        private final String contentType;
        private final String label;
        private final List<String> extensions;

        FileType(String contentType, String label, String... extensions) {
            this.contentType = contentType;
            this.label = label;
            this.extensions = List.of(extensions);
        }

        String contentType() {
            return contentType;
        }

        String label() {
            return label;
        }

        List<String> extensions() {
            return extensions;
        }
    }

    /** A file that passed: its safe name and its detected type. */
    record Checked(String fileName, FileType type) {}

    private static final byte[] PDF_MAGIC = ascii("%PDF-");
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] GIF87_MAGIC = ascii("GIF87a");
    private static final byte[] GIF89_MAGIC = ascii("GIF89a");
    private static final byte[] ZIP_MAGIC = {'P', 'K', 0x03, 0x04};
    private static final byte[] CFB_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final byte[] RTF_MAGIC = ascii("{\\rtf");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** Programs, whatever they are called: Windows (MZ), Linux (ELF), macOS (Mach-O), Java classes, scripts (#!). */
    private static final List<byte[]> EXECUTABLE_MAGIC = List.of(
            ascii("MZ"), new byte[] {0x7F, 'E', 'L', 'F'},
            new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE},
            new byte[] {(byte) 0xFE, (byte) 0xED, (byte) 0xFA, (byte) 0xCE},
            new byte[] {(byte) 0xFE, (byte) 0xED, (byte) 0xFA, (byte) 0xCF},
            new byte[] {(byte) 0xCE, (byte) 0xFA, (byte) 0xED, (byte) 0xFE},
            new byte[] {(byte) 0xCF, (byte) 0xFA, (byte) 0xED, (byte) 0xFE},
            ascii("#!"));

    /** Extensions that name something runnable: refused anywhere in a name ({@code invoice.exe.pdf}, {@code invoice.pdf.exe}). */
    private static final Set<String> EXECUTABLE_EXTENSIONS = Set.of(
            "exe", "com", "bat", "cmd", "scr", "pif", "msi", "msp", "dll", "cpl", "sys", "lnk", "hta", "js", "jse",
            "vbs", "vbe", "wsf", "wsh", "ps1", "psm1", "sh", "bash", "jar", "class", "apk", "app", "dmg", "pkg",
            "reg", "inf", "gadget", "iso", "img", "vhd", "vhdx", "svg", "html", "htm", "xhtml", "docm", "xlsm",
            "pptm", "dotm", "xltm", "xlam", "ppam", "url", "desktop");

    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,10}");
    private static final Pattern WINDOWS_RESERVED = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");

    private AttachmentFiles() {}

    /**
     * Checks a file by content and name; returns its safe name and type, or throws
     * {@link RuleViolationException} on field {@code file} with {@link #WRONG_TYPE}.
     *
     * <p>The safe name has no path (either separator), no control or formatting characters (such as
     * right-to-left overrides), only letters, digits, spaces and {@code . - _ ( ) , & +}, single
     * spaces, no leading or trailing dots or spaces, at most 255 characters with the extension kept
     * (lower case; added from the content when the name had none), and is never empty
     * ({@code attachment.pdf}). Device names Windows reserves ({@code CON}, {@code NUL}) are prefixed.
     */
    static Checked check(String originalName, byte[] bytes) {
        String name = cleanName(originalName);
        int dot = name.lastIndexOf('.');
        String extension = dot >= 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        String base = dot >= 0 ? name.substring(0, dot) : name;
        if (!EXTENSION.matcher(extension).matches()) {
            base = name;
            extension = "";
        }
        for (String part : base.toLowerCase(Locale.ROOT).split("\\.")) {
            if (EXECUTABLE_EXTENSIONS.contains(part.strip())) {
                throw wrongType(); // a double extension hiding a program
            }
        }
        FileType type = detect(bytes, extension);
        if (type == null) {
            throw wrongType();
        }
        if (extension.isEmpty()) {
            extension = type.extensions().get(0);
        } else if (!type.extensions().contains(extension)) {
            throw wrongType(); // e.g. report.pdf that is really a PNG
        }
        return new Checked(withExtension(base, extension), type);
    }

    /**
     * The type the content shows, or null when it is not one the office accepts. {@code extension}
     * (lower case, no dot) only tells apart types whose content looks alike: Word/Excel/PowerPoint
     * inside a ZIP, Word/Excel inside an OLE compound file, and text, CSV or email.
     */
    static FileType detect(byte[] bytes, String extension) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        for (byte[] magic : EXECUTABLE_MAGIC) {
            if (startsWith(bytes, magic)) {
                return null;
            }
        }
        if (startsWith(bytes, PDF_MAGIC)) {
            return FileType.PDF;
        }
        if (startsWith(bytes, PNG_MAGIC)) {
            return FileType.PNG;
        }
        if (startsWith(bytes, JPEG_MAGIC)) {
            return FileType.JPEG;
        }
        if (startsWith(bytes, GIF87_MAGIC) || startsWith(bytes, GIF89_MAGIC)) {
            return FileType.GIF;
        }
        if (startsWith(bytes, RTF_MAGIC)) {
            return FileType.RTF;
        }
        if (startsWith(bytes, ZIP_MAGIC)) {
            // An Office Open XML package: a ZIP whose (uncompressed) entry names include [Content_Types].xml
            // and the part folder of its kind. A plain .zip renamed .docx is refused.
            FileType type = switch (extension) {
                case "docx" -> FileType.DOCX;
                case "xlsx" -> FileType.XLSX;
                case "pptx" -> FileType.PPTX;
                default -> null;
            };
            String folder = type == FileType.DOCX ? "word/" : type == FileType.XLSX ? "xl/" : "ppt/";
            return type != null && contains(bytes, ascii("[Content_Types].xml")) && contains(bytes, ascii(folder)) ? type : null;
        }
        if (startsWith(bytes, CFB_MAGIC)) {
            return switch (extension) {
                case "doc" -> FileType.DOC;
                case "xls" -> FileType.XLS;
                default -> null;
            };
        }
        FileType text = switch (extension) {
            case "txt" -> FileType.TEXT;
            case "csv" -> FileType.CSV;
            case "eml" -> FileType.EMAIL;
            default -> null;
        };
        return text != null && isUtf8Text(bytes) ? text : null;
    }

    /** The display size: "12 KB" (rounded up), "1.5 MB". */
    static String sizeLabel(long bytes) {
        if (bytes < 1024 * 1024) {
            return Math.max(1, (bytes + 1023) / 1024) + " KB";
        }
        double mb = bytes / (1024.0 * 1024.0);
        String text = String.format(Locale.UK, "%.1f", mb);
        return (text.endsWith(".0") ? text.substring(0, text.length() - 2) : text) + " MB";
    }

    private static String cleanName(String originalName) {
        String name = originalName == null ? "" : originalName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder clean = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                return;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                clean.append(' ');
            } else if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                    || Character.getType(c) == Character.COMBINING_SPACING_MARK || ".-_(),&+".indexOf(c) >= 0) {
                clean.appendCodePoint(c);
            }
        });
        return clean.toString().replaceAll(" {2,}", " ").strip();
    }

    private static String withExtension(String base, String extension) {
        String suffix = extension == null || extension.isEmpty() ? "" : "." + extension;
        String safeBase = trimDotsAndSpaces(base);
        if (WINDOWS_RESERVED.matcher(safeBase).matches()) {
            safeBase = "_" + safeBase;
        }
        int room = MAX_NAME_LENGTH - suffix.length();
        if (safeBase.codePointCount(0, safeBase.length()) > room) {
            safeBase = trimDotsAndSpaces(safeBase.substring(0, safeBase.offsetByCodePoints(0, room)));
        }
        return (safeBase.isEmpty() ? "attachment" : safeBase) + suffix;
    }

    private static String trimDotsAndSpaces(String value) {
        return value.replaceAll("^[. ]+", "").replaceAll("[. ]+$", "");
    }

    private static boolean isUtf8Text(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        int start = startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0;
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start));
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

    private static RuleViolationException wrongType() {
        return new RuleViolationException("file", WRONG_TYPE);
    }

    private static byte[] ascii(String value) {
        return value.getBytes(StandardCharsets.US_ASCII);
    }
}
