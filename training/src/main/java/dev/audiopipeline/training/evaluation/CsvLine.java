package dev.audiopipeline.training.evaluation;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One RFC 4180 line of the CSV files the product writes: fields holding a comma, a quote, a CR or LF are quoted,
 * quotes doubled; the line ends with CRLF.
 */
public final class CsvLine {
    private CsvLine() {
    }

    public static void write(List<String> fields, Writer out) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quoted(fields.get(i)));
        }
        out.write("\r\n");
    }

    static String quoted(String field) {
        boolean needsQuotes = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                || field.indexOf('\r') >= 0;
        return needsQuotes ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
