package io.esop.order.agreement.mapping;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal PDF 1.4 writer for text documents: A4 pages of Helvetica lines, long lines wrapped. Pure Java, no
 * library: enough for an agreement print-out. Characters outside Latin-1 are written as '?' (the standard fonts
 * have no CJK glyphs; the HTML version carries every character).
 */
public final class SimplePdf {

    private static final int LINES_PER_PAGE = 60;
    private static final int WRAP = 95;

    private SimplePdf() {
    }

    public static byte[] render(List<String> text) {
        List<String> lines = new ArrayList<>();
        for (String line : text) {
            String rest = line;
            while (rest.length() > WRAP) {
                int cut = rest.lastIndexOf(' ', WRAP);
                if (cut <= 0) {
                    cut = WRAP;
                }
                lines.add(rest.substring(0, cut));
                rest = "      " + rest.substring(cut).trim();
            }
            lines.add(rest);
        }
        List<List<String>> pages = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += LINES_PER_PAGE) {
            pages.add(lines.subList(i, Math.min(lines.size(), i + LINES_PER_PAGE)));
        }
        if (pages.isEmpty()) {
            pages.add(List.of(""));
        }
        // objects: 1 catalog, 2 pages, 3 font, then per page: page, content
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        StringBuilder kids = new StringBuilder();
        for (int p = 0; p < pages.size(); p++) {
            kids.append(4 + 2 * p).append(" 0 R ");
        }
        objects.add("<< /Type /Pages /Kids [" + kids.toString().trim() + "] /Count " + pages.size() + " >>");
        objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        for (int p = 0; p < pages.size(); p++) {
            StringBuilder content = new StringBuilder("BT /F1 10 Tf 12 TL 50 800 Td\n");
            for (String line : pages.get(p)) {
                content.append('(').append(escape(line)).append(") Tj T*\n");
            }
            content.append("ET");
            objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>"
                    + " /Contents " + (5 + 2 * p) + " 0 R >>");
            byte[] stream = content.toString().getBytes(StandardCharsets.ISO_8859_1);
            objects.add("<< /Length " + stream.length + " >>\nstream\n" + content + "\nendstream");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        StringBuilder trailer = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            trailer.append(String.format("%010d 00000 n \n", offset));
        }
        trailer.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        write(out, trailer.toString());
        return out.toByteArray();
    }

    private static String escape(String line) {
        StringBuilder s = new StringBuilder(line.length());
        for (char c : line.toCharArray()) {
            if (c == '(' || c == ')' || c == '\\') {
                s.append('\\').append(c);
            } else if (c < 32 || c > 255) {
                s.append('?');
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        out.write(bytes, 0, bytes.length);
    }
}
