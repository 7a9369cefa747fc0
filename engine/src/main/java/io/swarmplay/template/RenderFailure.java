package io.swarmplay.template;

/**
 * Unwinds a render once its {@link Failure} is recorded in the {@link RenderState}. Jinjava
 * catches most exceptions thrown from inside it, so the state, not this exception, carries why.
 */
final class RenderFailure extends RuntimeException {

    RenderFailure() {
        super("render failed", null, false, false);
    }
}
