package io.swarmplay.module;

/**
 * One kind of task ({@code copy}, {@code command}, {@code docker_container}, ...).
 * Implementations are annotated with {@link ModuleInfo} and listed in
 * {@code META-INF/services/io.swarmplay.module.Module}.
 *
 * <p>Contract: {@link #plan} must not change the host; it may be called more than once per run
 * (a real run re-plans every step against live state). {@link #apply} is called only with a
 * {@link Change} that {@code plan} returned for the same arguments, and only when it is not
 * {@link Action#NONE}. Failures are thrown as {@link ModuleException} (or a
 * {@link io.swarmplay.connection.ConnectionException} when the host is unreachable).
 *
 * @param <A> the arguments record, bound from the task's rendered YAML map by {@link ArgsBinder}
 */
public interface Module<A> {

    Class<A> argsType();

    /** Looks at the host and says what {@link #apply} would do; never writes. */
    Change plan(A args, HostView host);

    /** Carries out {@code change} and returns the outcome (usually {@link Outcome#changed}). */
    Outcome apply(A args, Change change, HostSession host);

    /** The annotation's metadata. */
    default ModuleInfo info() {
        return getClass().getAnnotation(ModuleInfo.class);
    }
}
