package io.swarmplay.run;

import java.util.Map;

/**
 * Where a host's facts (gathered ones and {@code set_fact} with {@code cacheable: true}) are kept
 * between runs: Ansible's fact cache plugin ({@code fact_caching}, {@code ANSIBLE_CACHE_PLUGIN}).
 * The facts are kept as Ansible's cache keeps them, one mapping per host with {@code ansible_}
 * prefixed names and no {@code ansible_facts} key.
 */
public interface FactCache {

    /** Ansible's default {@code memory} plugin: facts live in the run only. */
    FactCache MEMORY = new FactCache() {
        @Override
        public Map<String, Object> load(String host) {
            return Map.of();
        }

        @Override
        public void store(String host, Map<String, Object> facts) {
            // nothing outlives the run
        }

        @Override
        public void clear(String host) {
            // nothing outlives the run
        }
    };

    /** The facts cached for {@code host} by an earlier run (empty when none, or when they expired). */
    Map<String, Object> load(String host);

    /** Replaces the host's cached facts with {@code facts}. */
    void store(String host, Map<String, Object> facts);

    /** Forgets the host's facts ({@code meta: clear_facts}). */
    void clear(String host);

    /** Forgets every host's facts ({@code --flush-cache}). */
    default void flush() {
    }
}
