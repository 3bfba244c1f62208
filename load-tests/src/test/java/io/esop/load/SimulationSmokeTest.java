package io.esop.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.esop.load.live.EventToScreenBenchmark;
import io.esop.load.setup.LoadPopulation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The smoke variant of the capacity tests, so that the scripts cannot rot: the packaged customer, opportunity,
 * order and workbench services started beside the stack (their own databases, groups and ports), a small load
 * population, both Gatling simulations for a few seconds at a low rate (their own assertions: no failed request),
 * and a short event-to-screen burst that must reach the screen. In {@code ./esop test} the services are packaged
 * earlier in the reactor; run alone without them ({@code -pl load-tests}), it is skipped with a message.
 */
class SimulationSmokeTest {

    static ServiceProcesses services;
    static final Path DIR = Path.of("target/smoke");

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(ServiceProcesses.packaged(), "the services are not packaged (run in the reactor, or "
                + "./mvnw install -DskipTests -pl services/customer,services/opportunity,services/order,"
                + "services/workbench -am first): capacity smoke test skipped");
        System.setProperty("esop.bench.dir", DIR.toString());
        System.setProperty("burst.topic", ServiceProcesses.PROGRESS_TOPIC);
        for (ServiceProcesses.Service s : ServiceProcesses.services()) {
            System.setProperty("esop." + s.name() + ".url", s.url());
        }
        services = ServiceProcesses.start(DIR.resolve("logs"));
        LoadPopulation.setup(4, 2);
    }

    @AfterAll
    static void stop() {
        try {
            if (services != null) {
                LoadPopulation.teardown();
            }
        } finally {
            if (services != null) {
                services.close();
            }
        }
    }

    @Test
    void accountManagerDayRunsWithoutError() throws Exception {
        assertThat(gatling("AccountManagerDaySimulation")).as("Gatling's exit status (assertions)").isZero();
    }

    @Test
    void portalRunsWithoutError() throws Exception {
        assertThat(gatling("PortalSimulation")).as("Gatling's exit status (assertions)").isZero();
    }

    @Test
    void progressReportsReachTheScreen() throws Exception {
        List<BenchRow> rows = EventToScreenBenchmark.run(20, 3, 0, 60);
        BenchRow onScreen = rows.stream().filter(r -> r.figure().startsWith("reports on screen")).findFirst()
                .orElseThrow();
        assertThat(onScreen.value()).as("reports on screen").isEqualTo(onScreen.baselineValue()).isPositive();
        assertThat(rows.get(0).value()).as("p99 event to screen, ms").isPositive();
    }

    /** Runs a simulation in a child JVM (Gatling needs --add-opens) for a few seconds at a low rate. */
    static int gatling(String simulation) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Desop.bench.dir=" + DIR, "-Dload.rate=0.5", "-Dload.ramp=1", "-Dload.plateau=4", "-Dload.think=0.1",
                "-Dload.p99.max=15000", "-Dload.p50.max=5000"));
        for (ServiceProcesses.Service s : ServiceProcesses.services()) {
            command.add("-Desop." + s.name() + ".url=" + s.url());
        }
        command.addAll(List.of("io.gatling.app.Gatling", "-s", "io.esop.load.gatling." + simulation, "-rf",
                DIR.resolve("gatling").toAbsolutePath().toString()));
        Files.createDirectories(DIR.resolve("gatling"));
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(simulation + " did not finish within 2 min");
        }
        return process.exitValue();
    }
}
