package io.swarmplay.playbook;

import java.nio.file.Path;
import java.util.List;

/** A playbook file with its plays; {@code import_playbook} is resolved into the list. */
public record Playbook(Path file, List<Play> plays) {

    public Playbook {
        plays = List.copyOf(plays);
    }
}
