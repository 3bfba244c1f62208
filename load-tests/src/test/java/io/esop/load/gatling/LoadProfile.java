package io.esop.load.gatling;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;

import io.gatling.javaapi.core.OpenInjectionStep;
import java.time.Duration;

/**
 * The open workload of a simulation, from system properties: {@code load.rate} sessions per second (arrival
 * rate) reached after a ramp of {@code load.ramp} seconds and held for {@code load.plateau} seconds;
 * {@code load.think} scales the pauses between a user's actions (1 = the scripted think time, 0 = none).
 * Assertion limits: {@code load.p99.max} and {@code load.p50.max} in milliseconds.
 */
final class LoadProfile {

    private LoadProfile() {
    }

    static double rate() {
        return Double.parseDouble(System.getProperty("load.rate", "1"));
    }

    static int ramp() {
        return Integer.parseInt(System.getProperty("load.ramp", "20"));
    }

    static int plateau() {
        return Integer.parseInt(System.getProperty("load.plateau", "60"));
    }

    static int p99Max() {
        return Integer.parseInt(System.getProperty("load.p99.max", "3000"));
    }

    static int p50Max() {
        return Integer.parseInt(System.getProperty("load.p50.max", "1000"));
    }

    /** A think time of {@code seconds}, scaled by load.think. */
    static Duration think(double seconds) {
        double scale = Double.parseDouble(System.getProperty("load.think", "1"));
        return Duration.ofMillis(Math.round(seconds * scale * 1000));
    }

    /** Ramp from a tenth of the rate to the rate, then hold it. */
    static OpenInjectionStep[] arrivals(double rate) {
        double from = Math.max(rate / 10, 0.05);
        return new OpenInjectionStep[] {
                rampUsersPerSec(from).to(rate).during(Duration.ofSeconds(Math.max(ramp(), 1))),
                constantUsersPerSec(rate).during(Duration.ofSeconds(Math.max(plateau(), 1))) };
    }
}
