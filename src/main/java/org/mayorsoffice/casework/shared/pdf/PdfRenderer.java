package org.mayorsoffice.casework.shared.pdf;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a Thymeleaf template to PDF (letters on letterhead, meeting packs). Templates live under
 * {@code templates/pdf/} and must be well-formed XHTML; CSS goes in a {@code <style>} element of the
 * template (PDF output is not subject to the page CSP). Only the PDF base fonts are used.
 */
@Component
public class PdfRenderer {

    private final ITemplateEngine templates;

    PdfRenderer(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** @param template e.g. {@code pdf/letter} */
    public byte[] render(String template, Map<String, Object> variables) {
        Context context = new Context(java.util.Locale.UK);
        context.setVariables(variables);
        String html = templates.process(template, context);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not produce the PDF from " + template, e);
        }
    }

    /**
     * One PDF: {@code first} followed by each of {@code others} in order. A file that is not a readable PDF
     * is left out (its name is expected to be listed in {@code first}); returns the documents that went in.
     */
    public Appended append(byte[] first, java.util.List<byte[]> others) {
        int included = 0;
        byte[] result = first;
        for (byte[] other : others) {
            try {
                org.apache.pdfbox.multipdf.PDFMergerUtility merger = new org.apache.pdfbox.multipdf.PDFMergerUtility();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                merger.setDestinationStream(out);
                merger.addSource(new org.apache.pdfbox.io.RandomAccessReadBuffer(result));
                merger.addSource(new org.apache.pdfbox.io.RandomAccessReadBuffer(other));
                merger.mergeDocuments(org.apache.pdfbox.io.IOUtils.createMemoryOnlyStreamCache());
                result = out.toByteArray();
                included++;
            } catch (IOException | RuntimeException e) {
                // Not a PDF PDFBox can read: leave it out rather than fail the whole pack.
            }
        }
        return new Appended(result, included);
    }

    /** @param included how many of the other documents were appended */
    public record Appended(byte[] pdf, int included) {}
}
