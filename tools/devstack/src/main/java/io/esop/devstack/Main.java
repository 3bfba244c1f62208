package io.esop.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code ./esop up|down|status|reset}: the local stack's life cycle. See docs/local-stack.md.
 */
public final class Main {

    static final List<String> DEMO_USERS = List.of(
            "cm-zhang  customer-manager  region 310000, FINANCE/MANUFACTURING, team sh-enterprise",
            "cm-wu     customer-manager  region 310000, RETAIL/INTERNET, team sh-enterprise",
            "cm-li     customer-manager  region 330100, GOVERNMENT/EDUCATION, team hz-government",
            "dir-wang  sales-director    team sh-enterprise",
            "dir-zhao  sales-director    team hz-government",
            "bo-chen   back-office",
            "ent-acme  enterprise-customer of ACME",
            "admin     esop-admin");

    private final Layout layout;
    private final PrintStream out;

    Main(Layout layout, PrintStream out) {
        this.layout = layout;
        this.out = out;
    }

    public static void main(String[] args) {
        Layout layout = Layout.detect();
        Main main = new Main(layout, System.out);
        String command = args.length == 0 ? "help" : args[0];
        List<String> options = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        try {
            int exit = switch (command) {
                case "up" -> main.locked(() -> main.up(options.contains("--infra")));
                case "down" -> main.locked(main::down);
                case "status" -> main.status(options.contains("--quiet"), options.contains("--infra"));
                case "reset" -> main.locked(main::reset);
                default -> main.help();
            };
            System.exit(exit);
        } catch (StackException e) {
            System.err.println();
            System.err.println("esop: " + e.getMessage());
            System.exit(1);
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private List<ServerComponent> infrastructure() {
        return List.of(new Postgres(layout), new Redis(layout), new Kafka(layout), new Keycloak(layout));
    }

    private List<ServerComponent> everything() {
        List<ServerComponent> all = new ArrayList<>(infrastructure());
        all.addAll(QuarkusService.discover(layout));
        return all;
    }

    int up(boolean infraOnly) throws Exception {
        Console console = new Console(out);
        List<ServerComponent> components = infraOnly ? infrastructure() : everything();
        console.step("esop", "starting " + (infraOnly ? "the infrastructure" : "the stack") + " in " + layout.home());
        AtomicReference<ServerComponent> starting = new AtomicReference<>();
        Thread onSignal = new Thread(() -> interrupted(console, starting.get()), "esop-interrupted");
        Runtime.getRuntime().addShutdownHook(onSignal);
        for (ServerComponent component : components) {
            starting.set(component);
            component.up(console);
        }
        starting.set(null);
        Runtime.getRuntime().removeShutdownHook(onSignal);
        console.step("esop", String.format("ready in %.1f s", console.elapsedSeconds()));
        out.println();
        printEndpoints(components);
        out.println();
        out.println("Demo users (password esop-demo), tokens from client esop-cli:");
        DEMO_USERS.forEach(user -> out.println("  " + user));
        out.println();
        if (components.stream().anyMatch(c -> c.name().equals("workbench"))) {
            out.println("Open the workbench: http://localhost:8080   (sign in as cm-zhang, dir-wang, bo-chen or ent-acme;");
            out.println("  the story: capture an opportunity, convert it, apply at 12 %, approve, sign in the portal, watch the order)");
            out.println();
        }
        out.println("Logs: " + layout.root().relativize(layout.logs()) + "/   (./esop logs NAME)   Stop: ./esop down");
        return 0;
    }

    /**
     * Ctrl-C or SIGTERM during up: the server being started is stopped cleanly, so that no
     * half-started server is left behind; the ones already healthy keep running.
     */
    private void interrupted(Console console, ServerComponent halfStarted) {
        if (halfStarted == null) {
            return;
        }
        console.step("esop", "interrupted while starting " + halfStarted.name() + ": stopping it");
        halfStarted.down(console);
        console.line("What was already healthy keeps running: ./esop status shows it, ./esop down stops it.");
    }

    /** Services first, all at once (each takes seconds to close its consumers), then the infrastructure in reverse order. */
    int down() {
        Console console = new Console(out);
        List<Thread> stopping = new ArrayList<>();
        for (QuarkusService service : QuarkusService.discover(layout)) {
            Thread thread = new Thread(() -> service.down(console), "stop-" + service.name());
            thread.start();
            stopping.add(thread);
        }
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted while stopping the services");
            }
        }
        List<ServerComponent> infrastructure = new ArrayList<>(infrastructure());
        Collections.reverse(infrastructure);
        for (ServerComponent component : infrastructure) {
            component.down(console);
        }
        return 0;
    }

    int status(boolean quiet, boolean infraOnly) {
        List<ServerComponent> components = infraOnly ? infrastructure() : everything();
        int healthy = 0;
        for (ServerComponent component : components) {
            Optional<ProcessHandle> process = component.running();
            boolean up = process.isPresent() && component.healthy();
            healthy += up ? 1 : 0;
            if (!quiet) {
                String state = up ? "healthy" : process.isPresent() ? "running, not healthy"
                        : Ports.inUse(component.port()) ? "port " + component.port() + " held by another program" : "stopped";
                out.printf("%-12s %-32s %-8s %s%n", component.name(), state,
                        process.map(p -> Long.toString(p.pid())).orElse("-"), up ? component.endpoint() : "");
            }
        }
        return healthy == components.size() ? 0 : healthy == 0 ? 3 : 1;
    }

    int reset() throws IOException {
        down();
        for (String folder : List.of("data", "config", "logs")) {
            Unpack.deleteTree(layout.home().resolve(folder));
        }
        out.println("Wiped " + layout.root().relativize(layout.home()) + "/{data,config,logs}; unpacked binaries in "
                + layout.root().relativize(layout.bin()) + " are kept. ./esop up starts from scratch.");
        return 0;
    }

    private void printEndpoints(List<ServerComponent> components) {
        for (ServerComponent component : components) {
            out.printf("  %-12s %s%n", component.name(), component.endpoint());
        }
    }

    private int help() {
        out.println("""
                usage: ./esop COMMAND
                  up [--infra]   start the stack (infrastructure, then every packaged service) in the background
                  down           stop everything ./esop up started
                  status         what runs where
                  logs NAME      follow a component's log
                  reset          stop and wipe the stack's data (.esop/data)
                  test           run the whole test suite against the stack
                """);
        return 2;
    }

    interface Action {
        int run() throws Exception;
    }

    /** One life-cycle command at a time: a second ./esop up waits for the first instead of racing it. */
    private int locked(Action action) {
        Path lockFile = layout.run().resolve("esop.lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                out.println("Another ./esop command is running; waiting for it to finish …");
                lock = channel.lock();
            }
            try {
                return action.run();
            } finally {
                lock.release();
            }
        } catch (StackException e) {
            throw e;
        } catch (Exception e) {
            throw new StackException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
