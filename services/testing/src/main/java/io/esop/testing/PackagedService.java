package io.esop.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged ESOP service run as a child process, the way a pod runs it: {@code java -jar quarkus-run.jar}, or
 * the native executable when {@code -Dnative.image.path} names one. The tests that kill a service, run two of it,
 * or start the platform beside {@code ./esop up}, and the benchmarks, all start services through this class.
 * <p>
 * {@link #kill()} is SIGKILL (no shutdown hook, nothing flushed or committed: a crashing pod);
 * {@link #close()} is SIGTERM and, after the grace period, SIGKILL (a pod being stopped).
 */
public final class PackagedService implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;
    private final Duration grace;

    private PackagedService(String name, Process process, int port, Path log, Duration grace) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
        this.grace = grace;
    }

    /** The runner packaged in a module folder: the native executable if {@code -Dnative.image.path} names one. */
    public static Path runnerOf(Path module) {
        String nativeImage = System.getProperty("native.image.path");
        if (nativeImage != null && Files.isExecutable(Path.of(nativeImage))) {
            return Path.of(nativeImage);
        }
        return module.resolve("target/quarkus-app/quarkus-run.jar");
    }

    /**
     * Prepares a launch of this runner (a {@code quarkus-run.jar} or a native executable); fails at once, saying what
     * to build, if it is not there, before the caller prepares anything else for it.
     */
    public static Launch of(String name, Path runner) {
        if (!Files.exists(runner)) {
            Path app = runner.toAbsolutePath().normalize();
            String build = app.endsWith(Path.of("target", "quarkus-app", "quarkus-run.jar"))
                    ? "build it with ./mvnw -o install -DskipTests -am -pl " + app.getParent().getParent().getParent()
                    : "-Dnative.image.path names no executable";
            throw new IllegalStateException(name + " is not packaged (" + runner + " is missing): " + build);
        }
        return new Launch(name, runner);
    }

    /** A port nobody listens on now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port: " + e.getMessage(), e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** Its base URL; only for a launch that was given a port. */
    public String url() {
        if (port <= 0) {
            throw new IllegalStateException(name + " was started without a known port");
        }
        return "http://localhost:" + port;
    }

    /** Whether {@code /q/health/ready} answers 200 now. */
    public boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until it is ready; fails at once, naming its log, if it exits. */
    public PackagedService awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ", see " + log);
            }
            if (ready()) {
                return this;
            }
            sleep(500);
        }
        throw new IllegalStateException(name + " not ready within " + timeout.toSeconds() + " s, see " + log);
    }

    /** Resident memory of the process (Linux), in bytes; NaN elsewhere. */
    public double residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Double.parseDouble(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return Double.NaN;
    }

    /** SIGKILL, and waits for the process to be gone. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM without waiting: to stop several at once, then {@link #close()} each. */
    public void terminate() {
        process.destroy();
    }

    /** SIGTERM; SIGKILL if it has not exited after the grace period. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What to start: JVM options (ignored by a native executable), configuration, environment, log. */
    public static final class Launch {

        private final String name;
        private final Path runner;
        private final List<String> jvm = new ArrayList<>();
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Path directory;
        private Path log;
        private boolean appendLog;
        private int port;
        private Duration grace = Duration.ofSeconds(20);

        private Launch(String name, Path runner) {
            this.name = name;
            this.runner = runner;
            this.log = Path.of("target", name + ".log");
        }

        public Launch jvm(String... options) {
            for (String option : options) {
                if (!option.isBlank()) {
                    jvm.add(option.trim());
                }
            }
            return this;
        }

        /** The HTTP port ({@code quarkus.http.port}); {@link PackagedService#url()} and readiness use it. */
        public Launch port(int port) {
            this.port = port;
            return property("quarkus.http.port", Integer.toString(port));
        }

        public Launch property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        public Launch properties(Map<String, String> more) {
            properties.putAll(more);
            return this;
        }

        public Launch env(Map<String, String> more) {
            environment.putAll(more);
            return this;
        }

        public Launch directory(Path directory) {
            this.directory = directory;
            return this;
        }

        /** Where its output goes (by default replacing what an earlier launch wrote there). */
        public Launch log(Path log) {
            this.log = log;
            return this;
        }

        /** The output goes after what earlier launches wrote to the same log (a restart's log goes on). */
        public Launch appending() {
            this.appendLog = true;
            return this;
        }

        /** How long {@link PackagedService#close()} waits after SIGTERM before SIGKILL (default 20 s). */
        public Launch grace(Duration grace) {
            this.grace = grace;
            return this;
        }

        public PackagedService start() {
            boolean jar = runner.toString().endsWith(".jar");
            List<String> command = new ArrayList<>();
            command.add(jar ? Path.of(System.getProperty("java.home"), "bin", "java").toString() : runner.toString());
            if (jar) {
                command.addAll(jvm);
            }
            properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
            if (jar) {
                command.add("-jar");
                command.add(runner.toString());
            }
            try {
                Path folder = log.toAbsolutePath().getParent();
                Files.createDirectories(folder);
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(appendLog ? ProcessBuilder.Redirect.appendTo(log.toFile())
                                : ProcessBuilder.Redirect.to(log.toFile()));
                if (directory != null) {
                    builder.directory(directory.toFile());
                }
                builder.environment().putAll(environment);
                return new PackagedService(name, builder.start(), port, log, grace);
            } catch (IOException e) {
                throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
            }
        }
    }
}
