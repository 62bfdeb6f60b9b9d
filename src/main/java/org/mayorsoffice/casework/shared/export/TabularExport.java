package org.mayorsoffice.casework.shared.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Writes rows (reports, exports, feeds) as CSV (RFC 4180, UTF-8, CRLF, a header row, formula injection neutralised) or XLSX (one
 * sheet, numbers as numeric cells, dates as date cells, date-times in Europe/London as date-time cells; JSON
 * and CSV carry date-times as ISO 8601 with their offset). The XLSX writer is SXSSF with a small window, so only
 * {@value #WINDOW} rows are held in memory however many are written.
 */
public final class TabularExport {

    static final int WINDOW = 100;

    private TabularExport() {}

    /** Something rows are written to; close it to finish the file. */
    public interface RowWriter extends AutoCloseable, Consumer<List<Object>> {
        @Override
        void close() throws IOException;
    }

    public static RowWriter csv(OutputStream out, List<String> headers) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        RowWriter rows = new RowWriter() {
            @Override
            public void accept(List<Object> row) {
                try {
                    for (int i = 0; i < row.size(); i++) {
                        if (i > 0) {
                            writer.write(',');
                        }
                        writer.write(csvCell(row.get(i)));
                    }
                    writer.write("\r\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void close() throws IOException {
                writer.flush();
            }
        };
        rows.accept(List.copyOf(headers));
        return rows;
    }

    /** One CSV field: text starting with = + - @ (or tab / carriage return) gets a leading ' ; quoted when needed. */
    public static String csvCell(Object cell) {
        if (cell == null) {
            return "";
        }
        String text;
        if (cell instanceof Double d) {
            text = String.format(java.util.Locale.ROOT, "%.1f", d);
        } else if (cell instanceof Number || cell instanceof LocalDate) {
            text = cell.toString();
        } else if (cell instanceof OffsetDateTime at) {
            text = iso(at);
        } else {
            text = cell.toString();
            if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
                text = "'" + text;
            }
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            text = '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    /**
     * A JSON array of objects keyed by {@code columns}: dates as "yyyy-mm-dd" strings, numbers and booleans as
     * JSON numbers and booleans, absent values as null.
     */
    public static RowWriter json(OutputStream out, List<String> columns) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            writer.write('[');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RowWriter() {
            boolean first = true;

            @Override
            public void accept(List<Object> row) {
                try {
                    writer.write(first ? "\n{" : ",\n{");
                    first = false;
                    for (int i = 0; i < columns.size(); i++) {
                        if (i > 0) {
                            writer.write(',');
                        }
                        writer.write(jsonString(columns.get(i)));
                        writer.write(':');
                        Object value = row.get(i);
                        writer.write(value == null ? "null"
                                : value instanceof Number || value instanceof Boolean ? value.toString()
                                : value instanceof OffsetDateTime at ? jsonString(iso(at))
                                : jsonString(value.toString()));
                    }
                    writer.write('}');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void close() throws IOException {
                writer.write("\n]\n");
                writer.flush();
            }
        };
    }

    private static final java.time.ZoneId LONDON = java.time.ZoneId.of("Europe/London");
    private static final java.time.format.DateTimeFormatter MINUTE_WITH_OFFSET =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmxxx");

    /** A date-time as ISO 8601 in Europe/London with its offset, to the minute, e.g. 2026-11-23T19:30+00:00. */
    static String iso(OffsetDateTime at) {
        return at.atZoneSameInstant(LONDON).format(MINUTE_WITH_OFFSET);
    }

    static String jsonString(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20 || ch == 0x2028 || ch == 0x2029) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    public static RowWriter xlsx(OutputStream out, String sheetName, List<String> headers) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        Sheet sheet = workbook.createSheet(sheetName);
        CellStyle dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        CellStyle dateTimeStyle = workbook.createCellStyle();
        dateTimeStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        RowWriter rows = new RowWriter() {
            int next = 0;

            @Override
            public void accept(List<Object> values) {
                Row row = sheet.createRow(next++);
                for (int i = 0; i < values.size(); i++) {
                    Object value = values.get(i);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(i);
                    if (value instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (value instanceof LocalDate date) {
                        cell.setCellValue(date);
                        cell.setCellStyle(dateStyle);
                    } else if (value instanceof OffsetDateTime at) {
                        cell.setCellValue(at.atZoneSameInstant(LONDON).toLocalDateTime());
                        cell.setCellStyle(dateTimeStyle);
                    } else {
                        cell.setCellValue(value.toString());
                    }
                }
            }

            @Override
            public void close() throws IOException {
                try {
                    workbook.write(out);
                    out.flush();
                } finally {
                    workbook.close();
                }
            }
        };
        rows.accept(List.copyOf(headers));
        return rows;
    }

    public static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    public static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** Something that writes rows to a sink. */
    public interface Rows {
        void writeTo(Consumer<List<Object>> sink);
    }

    /**
     * A download of {@code baseName}.csv or .xlsx (sheet {@code baseName}), streamed: the rows are written as they
     * are produced, after the response has started.
     */
    public static ResponseEntity<StreamingResponseBody> download(String baseName, boolean xlsx, List<String> headers, Rows rows) {
        StreamingResponseBody body = out -> {
            try (RowWriter writer = xlsx ? xlsx(out, baseName, headers) : csv(out, headers)) {
                rows.writeTo(writer);
            }
        };
        return ResponseEntity.ok()
                .contentType(xlsx ? XLSX : CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(baseName + (xlsx ? ".xlsx" : ".csv")).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}
