package io.esop.devstack;

import java.io.PrintStream;

/** Progress lines with the time elapsed since the command started: {@code [  4.2s] kafka  healthy}. */
public final class Console {

    private final long startNanos = System.nanoTime();
    private final PrintStream out;

    public Console(PrintStream out) {
        this.out = out;
    }

    public synchronized void step(String component, String message) {
        out.printf("[%6.1fs] %-12s %s%n", elapsedSeconds(), component, message);
        out.flush();
    }

    public void line(String text) {
        out.println(text);
        out.flush();
    }

    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
