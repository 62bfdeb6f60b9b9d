package org.mayorsoffice.casework.search.internal;

/** One CSV cell: quoted when needed, and guarded against spreadsheet formulas (a leading =, +, - or @). */
final class CsvCells {

    private CsvCells() {}

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
