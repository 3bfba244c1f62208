package io.esop.order.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.esop.order.agreement.mapping.SimplePdf;

class SimplePdfTest {

    @Test
    void writesAWellFormedMultiPagePdf() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            lines.add("Line " + i + " (with parentheses) and a \\ backslash, 协议");
        }
        byte[] pdf = SimplePdf.render(lines);
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("%PDF-1.4").endsWith("%%EOF\n").contains("/Count 3")
                .contains("(Line 0 \\(with parentheses\\) and a \\\\ backslash, ??) Tj");
        int xref = Integer.parseInt(text.substring(text.indexOf("startxref\n") + 10, text.indexOf("\n%%EOF")).trim());
        assertThat(text.substring(xref)).startsWith("xref");
        // every xref offset points at its object
        String[] rows = text.substring(xref).split("\n");
        for (int i = 3; i < rows.length && rows[i].endsWith(" n "); i++) {
            int offset = Integer.parseInt(rows[i].substring(0, 10));
            assertThat(text.substring(offset)).startsWith((i - 2) + " 0 obj");
        }
    }
}
