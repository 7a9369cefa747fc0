package io.swarmplay.run;

import java.util.Collections;
import java.util.Set;

/**
 * {@code --tags} and {@code --skip-tags} with Ansible's special tags: {@code always} runs unless
 * skipped by name, {@code never} runs only when one of the task's tags is asked for,
 * {@code tagged}/{@code untagged}/{@code all} select by whether a task has tags.
 */
record TagFilter(Set<String> tags, Set<String> skipTags) {

    boolean selects(Set<String> taskTags) {
        if (skipped(taskTags)) return false;
        boolean all = tags.isEmpty() || tags.contains("all");
        if (taskTags.contains("never")) return !Collections.disjoint(tags, taskTags) && !tags.contains("all");
        if (all) return true;
        if (taskTags.contains("always")) return true;
        if (tags.contains("tagged") && !taskTags.isEmpty()) return true;
        if (tags.contains("untagged") && taskTags.isEmpty()) return true;
        return !Collections.disjoint(tags, taskTags);
    }

    private boolean skipped(Set<String> taskTags) {
        if (skipTags.isEmpty()) return false;
        if (skipTags.contains("all")) return !taskTags.contains("always") || skipTags.contains("always");
        if (skipTags.contains("tagged") && !taskTags.isEmpty()) return true;
        if (skipTags.contains("untagged") && taskTags.isEmpty()) return true;
        return !Collections.disjoint(skipTags, taskTags);
    }
}
