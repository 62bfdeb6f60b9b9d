package org.mayorsoffice.casework.reports.internal;

import java.io.IOException;
import java.io.OutputStream;
import org.mayorsoffice.casework.shared.export.TabularExport;

/** A dashboard table as a CSV or XLSX file. */
public final class ReportExports {

    private ReportExports() {}

    /** A whole table to CSV or XLSX. */
    public static void write(ReportTable table, boolean xlsx, OutputStream out) throws IOException {
        try (TabularExport.RowWriter writer = xlsx ? TabularExport.xlsx(out, table.key(), table.headers())
                : TabularExport.csv(out, table.headers())) {
            table.rows().forEach(writer);
        }
    }
}
