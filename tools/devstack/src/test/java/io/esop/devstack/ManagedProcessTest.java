package io.esop.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ManagedProcessTest {

    private Process sleeper;

    @BeforeEach
    void start() throws Exception {
        sleeper = new ProcessBuilder("sleep", "60").start();
    }

    @AfterEach
    void stop() {
        sleeper.destroyForcibly();
    }

    @Test
    void aProcessIsOursWhenItsKernelStartTimeMatches() {
        ProcessHandle handle = sleeper.toHandle();
        String ticks = ManagedProcess.startTicks(handle.pid()).orElseThrow();

        assertThat(ManagedProcess.sameStart(handle, Instant.EPOCH, ticks)).isTrue(); // the ticks decide
        assertThat(ManagedProcess.sameStart(handle, null, Long.toString(Long.parseLong(ticks) + 1))).isFalse();
    }

    @Test
    void withoutTicksASetClockDoesNotMakeOurProcessForeignButAnotherStartDoes() {
        ProcessHandle handle = sleeper.toHandle();
        Instant started = handle.info().startInstant().orElseThrow();

        assertThat(ManagedProcess.sameStart(handle, started.minusSeconds(18), null)).isTrue();
        assertThat(ManagedProcess.sameStart(handle, started.minus(Duration.ofHours(1)), null)).isFalse();
    }
}
