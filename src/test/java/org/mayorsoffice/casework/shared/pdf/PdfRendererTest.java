package org.mayorsoffice.casework.shared.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class PdfRendererTest {

    @Autowired
    PdfRenderer pdf;

    @Test
    void aTemplateBecomesAPdfWhoseTextIsTheMergedValuesEscaped() throws Exception {
        byte[] bytes = pdf.render("pdf/test-sample", Map.of("heading", "Dear Ms Smith", "body", "Fish & chips <b>not bold</b>"));

        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Dear Ms Smith").contains("Fish & chips <b>not bold</b>");
        }
    }

    @Test
    void documentsAreAppendedInOrderAndAnUnreadableOneIsLeftOut() throws Exception {
        byte[] first = pdf.render("pdf/test-sample", Map.of("heading", "Meeting pack", "body", "Agenda"));
        byte[] second = pdf.render("pdf/test-sample", Map.of("heading", "Briefing note", "body", "Lines to take"));

        PdfRenderer.Appended appended = pdf.append(first, java.util.List.of(second, "%PDF-1.4 broken".getBytes()));

        assertThat(appended.included()).isEqualTo(1);
        try (PDDocument document = Loader.loadPDF(appended.pdf())) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            String text = new PDFTextStripper().getText(document);
            assertThat(text.indexOf("Meeting pack")).isLessThan(text.indexOf("Briefing note"));
        }
    }
}
