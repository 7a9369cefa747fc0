package io.swarmplay.modules;

import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Outcome;
import io.swarmplay.modules.support.CommandSupport;

import java.time.Duration;
import java.util.Map;

/**
 * Waits a fixed time. Prefer {@code wait_for} (a condition) where there is something to wait for.
 * <pre>{@code
 * - pause: {seconds: 5}
 * }</pre>
 * {@code prompt} is ignored: swarmplay runs non-interactively, so a pause without a duration
 * does nothing. A pause never reports changed; check and plan mode do not wait.
 */
@ModuleInfo(name = "pause", readOnly = true, checkMode = CheckSupport.FULL)
public final class PauseModule implements Module<PauseModule.Args> {

    public record Args(Double seconds, Double minutes, String prompt, Boolean echo) {
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        Duration length = length(args);
        if (length == null) return Change.none("pause without seconds or minutes waits for input; skipped (non-interactive)");
        return Change.run("pause " + CommandSupport.seconds(length)).withPayload(length);
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        Duration length = (Duration) change.payload();
        long start = System.nanoTime();
        try {
            Thread.sleep(length.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModuleException("pause was interrupted");
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return Outcome.ok("paused for " + CommandSupport.seconds(length)).withChange(change)
                .withData(Map.of("delta", CommandSupport.delta(took), "user_input", ""));
    }

    private static Duration length(Args args) {
        if (args.seconds() != null && args.minutes() != null) throw new ModuleException("pause takes seconds or minutes, not both");
        Double seconds = args.minutes() != null ? Double.valueOf(args.minutes() * 60) : args.seconds();
        if (seconds == null) return null;
        if (seconds < 0) throw new ModuleException("pause length must not be negative (got " + seconds + "s)");
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
