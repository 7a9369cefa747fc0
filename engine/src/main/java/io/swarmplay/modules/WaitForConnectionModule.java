package io.swarmplay.modules;

import io.swarmplay.connection.Command;
import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Default;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Outcome;
import io.swarmplay.modules.support.Results;

import java.util.Map;

/**
 * Waits until the host answers a command over its connection (Ansible's {@code wait_for_connection}):
 * after {@code delay} seconds, tries every {@code sleep} seconds for at most {@code timeout} seconds.
 * <pre>{@code
 * - wait_for_connection:
 *     delay: 5
 *     timeout: 300
 * }</pre>
 * Registers {@code elapsed} (seconds); skipped in check mode, as Ansible's.
 * {@code connect_timeout} is accepted: each try uses the connection's own timeout.
 */
@ModuleInfo(name = "wait_for_connection", readOnly = true, checkMode = CheckSupport.SKIP_SILENT, actionArgs = true)
public final class WaitForConnectionModule implements Module<WaitForConnectionModule.Args> {

    public record Args(@Default("5") int connect_timeout, @Default("0") int delay, @Default("1") int sleep,
                       @Default("600") int timeout) {
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        long start = System.nanoTime();
        pause(args.delay() * 1000L);
        long deadline = start + args.timeout() * 1_000_000_000L;
        Command alive = Command.of("true");
        while (true) {
            RuntimeException last;
            try {
                host.probe(alive).requireSuccess(alive);
                double elapsed = (System.nanoTime() - start) / 1e9;
                return Results.none("the host answers", Map.of("elapsed", Math.round(elapsed * 1000) / 1000.0));
            } catch (RuntimeException e) {
                last = e;
            }
            if (System.nanoTime() + args.sleep() * 1_000_000_000L > deadline) {
                throw new ModuleException("timed out waiting for ping module test: " + last.getMessage(),
                        Map.of("elapsed", (System.nanoTime() - start) / 1_000_000_000L));
            }
            pause(args.sleep() * 1000L);
        }
    }

    private static void pause(long millis) {
        if (millis <= 0) return;
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModuleException("interrupted while waiting for the connection");
        }
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        return Results.outcome(change);
    }
}
