package io.swarmplay.cli;

import io.swarmplay.run.ExitStatus;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ctrl-C (SIGINT) and SIGTERM while a run is in progress. The first one calls {@code stop} — no
 * new task starts and running commands are killed — and the run ends on its own, recap included;
 * should it not end within {@link #LIMIT}, the process exits anyway. A second one exits at once.
 * Both exit with 99. Handlers replace the JVM's (which would start shutdown and ignore the
 * second signal) only while installed; a signal the shell ignores (a background job) stays ignored.
 */
final class Interrupts implements AutoCloseable {

    /** How long the run may take to end after the first interrupt. */
    static final Duration LIMIT = Duration.ofSeconds(20);

    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private final Runnable stop;
    private final PrintWriter out;
    private final PrintWriter err;
    private volatile Thread watchdog;

    private Interrupts(Runnable stop, PrintWriter out, PrintWriter err) {
        this.stop = stop;
        this.out = out;
        this.err = err;
    }

    /** Handles INT and TERM with {@code stop} until {@link #close()}. */
    static Interrupts install(Runnable stop, PrintWriter out, PrintWriter err) {
        Interrupts interrupts = new Interrupts(stop, out, err);
        for (String name : new String[] {"INT", "TERM"}) interrupts.handle(new Signal(name));
        return interrupts;
    }

    private void handle(Signal signal) {
        try {
            previous.put(signal, Signal.handle(signal, this::received));
        } catch (IllegalArgumentException e) {
            // the JVM runs with -Xrs, or the signal is reserved: its default action stays
        }
    }

    private void received(Signal signal) {
        if (count.incrementAndGet() > 1) {
            exitNow("interrupted again (SIG" + signal.getName() + "): exiting at once; commands still running"
                    + " on hosts are not waited for");
            return;
        }
        err.println("[swarmplay] interrupted (SIG" + signal.getName() + "): no new task starts and running"
                + " commands are being killed; the recap follows. Interrupt again to exit at once.");
        err.flush();
        Thread limit = new Thread(this::exitAfterLimit, "swarmplay-interrupt-limit");
        limit.setDaemon(true);
        watchdog = limit;
        limit.start();
        stop.run();
    }

    private void exitAfterLimit() {
        try {
            Thread.sleep(LIMIT.toMillis());
        } catch (InterruptedException e) {
            return;
        }
        exitNow("the run did not end within " + LIMIT.toSeconds() + "s of the interrupt: exiting without the recap");
    }

    private void exitNow(String why) {
        out.flush();
        err.println("[swarmplay] " + why);
        err.flush();
        Runtime.getRuntime().halt(ExitStatus.INTERRUPTED.code());
    }

    /** Restores the handlers that were there before; the run has ended, so no time limit is left to enforce. */
    @Override
    public void close() {
        Thread limit = watchdog;
        if (limit != null) limit.interrupt();
        previous.forEach((signal, handler) -> {
            try {
                Signal.handle(signal, handler);
            } catch (IllegalArgumentException ignored) {
                // nothing to restore
            }
        });
    }
}
