package io.swarmplay.template.filters;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import io.swarmplay.template.Unknown;

/** What filters and tests may tell the render they run in. */
public interface RenderScope {

    /** Implemented by the interpreter the templar creates, so filters can find their scope. */
    interface Holder {
        RenderScope scope();
    }

    /** The scope of {@code interpreter}, or one that ignores everything outside a templar render. */
    static RenderScope of(JinjavaInterpreter interpreter) {
        return interpreter instanceof Holder h ? h.scope() : NoScope.INSTANCE;
    }

    /** {@code value} was handled (e.g. by {@code default}), so it is no longer an error. */
    void consume(Undefined value);

    /** {@code value} was only checked for being defined, so the result does not depend on it. */
    void known(Unknown value);

    /** A filter made a string of {@code chars} characters; the render may fail when they add up past its budget. */
    default void made(int chars) {
    }

    /** Records a failure and returns the exception to throw out of Jinjava (which would swallow it). */
    RuntimeException fail(String message, String hint);

    /** Records what a filter or test raised (a Python {@code TypeError} is worded as Ansible's templar words it). */
    default RuntimeException fail(FilterException e) {
        return fail(e.getMessage(), e.hint());
    }

    /** The Undefined for a key {@code map} lacks: an error unless handled (as {@code map[key]} gives it). */
    default Object missingKey(java.util.Map<?, ?> map, Object key) {
        throw new FilterException(UndefinedMessages.missing(UndefinedMessages.objectType(map), key));
    }

    /** Outside a render: nothing to track. */
    final class NoScope implements RenderScope {
        static final NoScope INSTANCE = new NoScope();

        @Override
        public void consume(Undefined value) {
        }

        @Override
        public void known(Unknown value) {
        }

        @Override
        public RuntimeException fail(String message, String hint) {
            return new FilterException(message, hint);
        }
    }
}
