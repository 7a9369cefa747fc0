package io.swarmplay.template;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Filters and tests that come from outside swarmplay: Ansible's Python {@code filter_plugins}
 * and {@code test_plugins}. Their names win over swarmplay's built-in filters and tests of the
 * same name, as local plugins win over built-in ones in Ansible 2.14.
 *
 * <p>Contracts: values cross as plain JSON values (a {@code Map} with {@code String} keys, a
 * {@code List}, {@code String}, {@code Number}, {@code Boolean}, {@code null}), both ways.
 * Nothing is loaded before {@link #names} is first called; implementations are safe to call
 * from several threads.
 */
public interface TemplatePlugins {

    /** What a plugin provides: a filter ({@code x | name}) or a test ({@code x is name}). */
    enum Kind {
        FILTER("filter"), TEST("test");

        public final String word;

        Kind(String word) {
            this.word = word;
        }
    }

    /** Whether there are no plugin files at all (then nothing is ever loaded or started). */
    boolean isEmpty();

    /** The names plugins provide for {@code kind}, loading the plugins on the first call. */
    Set<String> names(Kind kind);

    /**
     * Why plugin files were skipped while loading (Ansible's "Skipping plugin" warnings), each a
     * complete sentence; empty before {@link #names} was called.
     */
    List<String> problems();

    /** Every plugin file skipped and why: the {@link #problems} and the files Ansible skips without a warning. */
    default List<String> skipped() {
        return problems();
    }

    /**
     * Calls the plugin {@code name} as {@code name(value, *args, **kwargs)} and returns its
     * result as a plain JSON value.
     *
     * @throws PluginException when the plugin fails, returns a value that is not JSON, or cannot be run
     */
    Object call(Kind kind, String name, Object value, List<Object> args, Map<String, Object> kwargs);

    /** A plugin call failed; the message is a complete clause naming the plugin, the hint says what to do. */
    final class PluginException extends RuntimeException {
        private final String hint;

        public PluginException(String message, String hint) {
            super(message, null, false, false);
            this.hint = hint;
        }

        public String hint() {
            return hint;
        }
    }

    /** No plugins. */
    TemplatePlugins NONE = new TemplatePlugins() {
        @Override
        public boolean isEmpty() {
            return true;
        }

        @Override
        public Set<String> names(Kind kind) {
            return Set.of();
        }

        @Override
        public List<String> problems() {
            return List.of();
        }

        @Override
        public Object call(Kind kind, String name, Object value, List<Object> args, Map<String, Object> kwargs) {
            throw new PluginException("no " + kind.word + " plugin named '" + name + "'", null);
        }
    };
}
