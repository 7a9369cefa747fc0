package io.swarmplay.module;

import java.util.Map;

/**
 * A {@link Change} payload whose data a preview registers: in check and plan mode the step's
 * result carries {@link #previewData()}, as an Ansible module returns its result in check mode
 * (e.g. {@code container_path} and {@code diff} of {@code docker_container_copy_into}).
 */
public interface PreviewData {

    /** What {@code register} stores when the change is only previewed. */
    Map<String, Object> previewData();

    /**
     * True when a module without check-mode support can still tell that the step would change
     * ({@code command} with {@code creates}/{@code removes}, as Ansible's): check mode reports it
     * changed instead of skipped.
     */
    default boolean predicted() {
        return false;
    }
}
