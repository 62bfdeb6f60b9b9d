package org.mayorsoffice.casework.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.cases.internal.AttachmentFiles.FileType;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;

/** What a file is by its content, and the safe names files are stored under. */
class AttachmentFilesTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0};
    static final byte[] GIF = "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] CFB = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};

    static byte[] ooxml(String folder) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(folder + "document.xml"));
            zip.write("<document/>".getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    void typesAreDetectedFromTheContent() throws IOException {
        assertThat(AttachmentFiles.check("letter.pdf", PDF).type()).isEqualTo(FileType.PDF);
        assertThat(AttachmentFiles.check("photo.PNG", PNG)).isEqualTo(new AttachmentFiles.Checked("photo.png", FileType.PNG));
        assertThat(AttachmentFiles.check("photo.jpeg", JPEG).type()).isEqualTo(FileType.JPEG);
        assertThat(AttachmentFiles.check("photo.jpg", JPEG).type()).isEqualTo(FileType.JPEG);
        assertThat(AttachmentFiles.check("map.gif", GIF).type()).isEqualTo(FileType.GIF);
        assertThat(AttachmentFiles.check("reply.docx", ooxml("word/")).type()).isEqualTo(FileType.DOCX);
        assertThat(AttachmentFiles.check("figures.xlsx", ooxml("xl/")).type()).isEqualTo(FileType.XLSX);
        assertThat(AttachmentFiles.check("slides.pptx", ooxml("ppt/")).type()).isEqualTo(FileType.PPTX);
        assertThat(AttachmentFiles.check("old.doc", CFB).type()).isEqualTo(FileType.DOC);
        assertThat(AttachmentFiles.check("old.xls", CFB).type()).isEqualTo(FileType.XLS);
        assertThat(AttachmentFiles.check("note.rtf", "{\\rtf1\\ansi Hello}".getBytes(StandardCharsets.US_ASCII)).type())
                .isEqualTo(FileType.RTF);
        assertThat(AttachmentFiles.check("note.txt", "Café – £5".getBytes(StandardCharsets.UTF_8)).type()).isEqualTo(FileType.TEXT);
        assertThat(AttachmentFiles.check("list.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)).type()).isEqualTo(FileType.CSV);
        assertThat(AttachmentFiles.check("mail.eml", "From: a@example.org\r\nSubject: Hi\r\n\r\nHello".getBytes(StandardCharsets.UTF_8))
                .type().contentType()).isEqualTo("message/rfc822");
    }

    @Test
    void theNameMustAgreeWithTheContent() throws IOException {
        assertRefused("report.pdf", PNG);
        assertRefused("photo.png", PDF);
        assertRefused("archive.docx", ooxml("other/")); // a ZIP that is not a Word document
        assertRefused("archive.zip", ooxml("word/"));
        assertRefused("old.ppt", CFB);
        assertRefused("notes.txt", new byte[] {'a', 0, 'b'}); // NUL byte: not text
        assertRefused("notes.txt", new byte[] {'a', (byte) 0xC3}); // not UTF-8
        assertRefused("notes", "plain words".getBytes(StandardCharsets.UTF_8)); // text needs its extension
        assertRefused("page.html", "<html></html>".getBytes(StandardCharsets.UTF_8));
        assertRefused("image.svg", "<svg/>".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void programsAndDoubleExtensionsAreRefused() {
        assertRefused("setup.exe", EXE);
        assertRefused("setup.txt", EXE);
        assertRefused("invoice.pdf.exe", PDF);
        assertRefused("invoice.exe.pdf", PDF);
        assertRefused("invoice.exe .pdf", PDF);
        assertRefused("run.txt", "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8));
        assertRefused("tool.pdf", new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1});
    }

    @Test
    void namesAreMadeSafe() {
        assertThat(name("../../etc/passwd.txt", "root:x:0:0".getBytes(StandardCharsets.UTF_8))).isEqualTo("passwd.txt");
        assertThat(name("C:\\Users\\amira\\Desktop\\letter.pdf", PDF)).isEqualTo("letter.pdf");
        assertThat(name("  my   report \t(final).pdf", PDF)).isEqualTo("my report (final).pdf");
        assertThat(name("<img src=x onerror=alert(1)>.pdf", PDF)).isEqualTo("img srcx onerroralert(1).pdf");
        assertThat(name("evil\u202Egpj.pdf", PDF)).isEqualTo("evilgpj.pdf"); // right-to-left override removed
        assertThat(name("line\nbreak\u0000.pdf", PDF)).isEqualTo("linebreak.pdf");
        assertThat(name("Zoë's letter.pdf", PDF)).isEqualTo("Zoës letter.pdf");
        assertThat(name(".pdf", PDF)).isEqualTo("attachment.pdf");
        assertThat(name("...", PDF)).isEqualTo("attachment.pdf");
        assertThat(name(null, PDF)).isEqualTo("attachment.pdf");
        assertThat(name("scan", PDF)).isEqualTo("scan.pdf"); // the extension comes from the content
        assertThat(name("CON.pdf", PDF)).isEqualTo("_CON.pdf");
        assertThat(name("minutes v1.2.pdf", PDF)).isEqualTo("minutes v1.2.pdf");
        String longName = name("a".repeat(400) + ".pdf", PDF);
        assertThat(longName).hasSize(255).endsWith("a.pdf");
        String longUnicode = name("ক".repeat(300) + ".pdf", PDF);
        assertThat(longUnicode.codePointCount(0, longUnicode.length())).isEqualTo(255);
    }

    @Test
    void sizesAreShownInKilobytesOrMegabytes() {
        assertThat(AttachmentFiles.sizeLabel(1)).isEqualTo("1 KB");
        assertThat(AttachmentFiles.sizeLabel(1024)).isEqualTo("1 KB");
        assertThat(AttachmentFiles.sizeLabel(12_500)).isEqualTo("13 KB");
        assertThat(AttachmentFiles.sizeLabel(1024 * 1024)).isEqualTo("1 MB");
        assertThat(AttachmentFiles.sizeLabel(1_572_864)).isEqualTo("1.5 MB");
    }

    private static String name(String original, byte[] content) {
        return AttachmentFiles.check(original, content).fileName();
    }

    private static void assertRefused(String name, byte[] content) {
        assertThatThrownBy(() -> AttachmentFiles.check(name, content))
                .as(name)
                .isInstanceOf(RuleViolationException.class)
                .hasMessage(AttachmentFiles.WRONG_TYPE)
                .extracting(e -> ((RuleViolationException) e).field()).isEqualTo("file");
    }
}
