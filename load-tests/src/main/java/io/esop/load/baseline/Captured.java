package io.esop.load.baseline;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs a tool that prints its figures on standard output, showing and keeping what it prints. */
final class Captured {

    private Captured() {
    }

    interface Tool {
        void run() throws Exception;
    }

    static String stdout(Tool tool) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                kept.write(b);
                original.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                kept.write(b, off, len);
                original.write(b, off, len);
            }
        }, true, StandardCharsets.UTF_8);
        System.setOut(tee);
        try {
            tool.run();
        } finally {
            System.out.flush();
            System.setOut(original);
        }
        return kept.toString(StandardCharsets.UTF_8);
    }
}
