package io.swarmplay.connection.docker;

import java.util.List;

/** A container the engine created: its ID and the warnings it gave (e.g. a limit the kernel cannot enforce). */
public record CreatedContainer(String id, List<String> warnings) {

    public CreatedContainer {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
