package io.swarmplay.run;

import io.swarmplay.playbook.Play;
import io.swarmplay.source.SourcePosition;
import io.swarmplay.template.Templar;
import io.swarmplay.template.Unsafe;
import io.swarmplay.vars.VariableScope;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Which tasks {@code --tags}/{@code --skip-tags} select, as Ansible decides it for a run and for
 * {@code --list-tasks}/{@code --list-tags}: templated tags are rendered with the play's variables
 * (a list gives several tags, a string is split on commas), then Ansible's special tags apply
 * ({@code always}, {@code never}, {@code tagged}, {@code untagged}, {@code all}).
 */
public final class TagSelection {

    private final TagFilter filter;
    private final Supplier<Templar> templar;

    public TagSelection(Set<String> tags, Set<String> skipTags, Supplier<Templar> templar) {
        this.filter = new TagFilter(Set.copyOf(tags), Set.copyOf(skipTags));
        this.templar = templar;
    }

    /** Whether a task with these (rendered) tags runs. */
    public boolean selects(Set<String> tags) {
        return filter.selects(tags);
    }

    /** The tags with templates rendered in {@code vars}; throws the templar's exception when one cannot be. */
    public Set<String> render(Set<String> tags, Map<String, Object> vars, SourcePosition at) {
        if (tags.stream().noneMatch(TagSelection::templated)) return tags;
        Set<String> rendered = new LinkedHashSet<>();
        for (String tag : tags) {
            if (!templated(tag)) {
                rendered.add(tag);
                continue;
            }
            Object value = Unsafe.strip(templar.get().render(tag, vars, at));
            if (value instanceof List<?> list) list.forEach(v -> rendered.add(String.valueOf(v).strip()));
            else for (String part : String.valueOf(value).split(",")) if (!part.isBlank()) rendered.add(part.strip());
        }
        return rendered;
    }

    private static boolean templated(String tag) {
        return tag.contains("{{") || tag.contains("{%");
    }

    /**
     * The variables Ansible renders play-level values with (tags, {@code serial}): the play's
     * vars and the extra vars, with {@code playbook_dir}; no host's.
     */
    public static Map<String, Object> playVars(Play play, Map<String, Object> extraVars) {
        return VariableScope.empty()
                .with("magic", Map.of("playbook_dir", play.dir().toAbsolutePath().toString()))
                .with("play vars", play.vars())
                .with("extra vars", extraVars).toMap();
    }
}
