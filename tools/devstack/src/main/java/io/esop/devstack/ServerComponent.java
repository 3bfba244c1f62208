package io.esop.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One server of the stack: how it is installed from its Maven artifact, started, checked and stopped.
 * Starting is idempotent: a server this stack already runs is only checked, and a port held by some
 * other program is reported instead of starting a second server beside it.
 */
abstract class ServerComponent {

    protected final Layout layout;
    private final String name;
    private final ManagedProcess process;

    protected ServerComponent(Layout layout, String name) {
        this.layout = layout;
        this.name = name;
        this.process = new ManagedProcess(name, layout);
    }

    final String name() {
        return name;
    }

    /** The port whose conflict stops the start. */
    abstract int port();

    /** What a person connects to, for status and the summary. */
    abstract String endpoint();

    abstract boolean healthy();

    /** Unpacks the server's binaries under .esop/bin if they are not there yet. */
    protected abstract void install(Console console) throws IOException;

    protected abstract List<String> command() throws IOException;

    protected Map<String, String> environment() {
        return Map.of();
    }

    /** One-time preparation of the data directory (initdb, storage format). */
    protected void prepare(Console console) throws IOException {
    }

    /** Provisioning that runs on every up, idempotent (topics, databases, realm). */
    protected void provision(Console console) throws Exception {
    }

    protected Duration startTimeout() {
        return Duration.ofMinutes(3);
    }

    protected String stopSignal() {
        return "TERM";
    }

    final void up(Console console) throws Exception {
        Optional<ProcessHandle> existing = process.running();
        if (existing.isPresent()) {
            awaitHealthy(console, existing.get());
            console.step(name(), "already running (pid " + existing.get().pid() + ") at " + endpoint());
        } else {
            if (Ports.inUse(port())) {
                throw new StackException(name() + ": port " + port() + " is taken by a program this stack did not start. "
                        + "Stop that program (see `ss -ltnp 'sport = :" + port() + "'`) and run ./esop up again.");
            }
            install(console);
            prepare(console);
            ProcessHandle started = process.start(command(), environment(), layout.root());
            console.step(name(), "starting (pid " + started.pid() + "), log " + layout.root().relativize(layout.log(name())));
            awaitHealthy(console, started);
            console.step(name(), "healthy at " + endpoint());
        }
        provision(console);
    }

    final void down(Console console) {
        if (process.stop(stopSignal(), Duration.ofSeconds(30))) {
            console.step(name(), "stopped");
        } else {
            console.step(name(), "was not running");
        }
    }

    final Optional<ProcessHandle> running() {
        return process.running();
    }

    private void awaitHealthy(Console console, ProcessHandle handle) {
        long deadline = System.nanoTime() + startTimeout().toNanos();
        long nextNote = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!healthy()) {
            if (!handle.isAlive()) {
                throw new StackException(name() + " exited while starting. Last lines of "
                        + layout.root().relativize(layout.log(name())) + ":\n" + tail(layout.log(name()), 25));
            }
            if (System.nanoTime() > deadline) {
                throw new StackException(name() + " did not become healthy within " + startTimeout().toSeconds()
                        + " s. Last lines of its log:\n" + tail(layout.log(name()), 25));
            }
            if (System.nanoTime() > nextNote) {
                console.step(name(), "still starting …");
                nextNote = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            }
            ManagedProcess.sleep(250);
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
