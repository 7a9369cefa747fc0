package io.swarmplay.template;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The render time limit's clock: the rendering thread's CPU time, which sleeping (or a loaded machine) does not advance. */
class CpuClockTest {

    @Test
    void sleepingDoesNotCountAndWorkingDoes() throws InterruptedException {
        long before = CpuClock.now();
        Thread.sleep(500);
        long slept = CpuClock.now() - before;
        assertTrue(slept < 250_000_000L, "a 500 ms sleep counted " + slept / 1_000_000 + " ms");
        long start = CpuClock.now();
        long wallEnd = System.nanoTime() + 3_000_000_000L;
        long sum = 0;
        while (CpuClock.now() - start < 20_000_000L && System.nanoTime() < wallEnd) sum += Long.numberOfTrailingZeros(sum + 1);
        long worked = CpuClock.now() - start;
        assertTrue(worked >= 20_000_000L, "3 s of busy work counted " + worked / 1_000_000 + " ms (" + sum + ")");
    }
}
