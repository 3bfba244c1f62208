package io.esop.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A server process of the stack, started in its own session (so it outlives {@code ./esop up} and
 * ignores the terminal's hang-up) and remembered in {@code .esop/run/NAME.pid} together with its
 * start time, so that a recycled pid is never mistaken for ours. The start time is compared in the kernel's
 * clock ticks since boot where Linux tells them ({@code /proc/PID/stat}): the wall-clock start instant Java derives
 * moves when the system clock is set (a container's clock synchronised after the stack started made a running
 * stack look foreign: "port held by another program").
 */
final class ManagedProcess {

    private final String name;
    private final Layout layout;

    ManagedProcess(String name, Layout layout) {
        this.name = name;
        this.layout = layout;
    }

    private Path pidFile() {
        return layout.run().resolve(name + ".pid");
    }

    /** The live process this stack started under that name, if any. */
    Optional<ProcessHandle> running() {
        Path file = pidFile();
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            String[] parts = Files.readString(file).trim().split("\\s+");
            long pid = Long.parseLong(parts[0]);
            Instant started = parts.length > 1 && !parts[1].isEmpty() ? Instant.parse(parts[1]) : null;
            String ticks = parts.length > 2 ? parts[2] : null;
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> sameStart(p, started, ticks));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    ProcessHandle start(List<String> command, Map<String, String> env, Path workDir) {
        List<String> detached = new ArrayList<>();
        detached.add("setsid");
        detached.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(detached)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.log(name).toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            ProcessHandle handle = process.toHandle();
            String started = handle.info().startInstant().map(Instant::toString).orElse("");
            String ticks = startTicks(handle.pid()).orElse("");
            Files.writeString(pidFile(), (handle.pid() + " " + started + " " + ticks).trim() + "\n");
            return handle;
        } catch (IOException e) {
            throw new StackException(name + ": could not start " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    /** Whether the live process {@code p} is the one started at {@code started} / {@code ticks} (null: unknown). */
    static boolean sameStart(ProcessHandle p, Instant started, String ticks) {
        Optional<String> now = startTicks(p.pid());
        if (ticks != null && now.isPresent()) {
            return ticks.equals(now.get());
        }
        // no ticks: the wall-clock instant, within what a clock correction may move it
        return started == null || p.info().startInstant()
                .map(i -> Duration.between(i, started).abs().compareTo(Duration.ofMinutes(2)) < 0).orElse(true);
    }

    /** The process's start time in clock ticks since boot (field 22 of /proc/PID/stat), where Linux has it. */
    static Optional<String> startTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(fields[19]); // fields from the third (state) on: the 22nd is index 19
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Sends the signal, waits for the process (and its children) to end, and kills it after the grace period. */
    boolean stop(String signal, Duration grace) {
        Optional<ProcessHandle> process = running();
        if (process.isEmpty()) {
            deletePidFile();
            return false;
        }
        ProcessHandle handle = process.get();
        List<ProcessHandle> family = new ArrayList<>(handle.descendants().toList());
        family.add(handle);
        signal(handle.pid(), signal);
        long deadline = System.nanoTime() + grace.toNanos();
        while (handle.isAlive() && System.nanoTime() < deadline) {
            sleep(100);
        }
        family.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        deletePidFile();
        return true;
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }
}
