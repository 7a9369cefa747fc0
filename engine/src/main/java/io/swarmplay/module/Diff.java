package io.swarmplay.module;

import java.util.List;

/**
 * Before and after of a change: text (a file's content, shown as a unified diff) or fields
 * (declared fields that differ, shown as {@code field: before → after}).
 *
 * @param header what is compared, e.g. the path
 * @param before text before, or null when the thing did not exist
 * @param after  text after, or null when it will be gone
 * @param fields field changes; empty for a text diff
 */
public record Diff(String header, String before, String after, List<FieldChange> fields) {

    public Diff {
        fields = List.copyOf(fields);
    }

    /** One declared field that differs. */
    public record FieldChange(String field, String before, String after) {
    }

    public static Diff text(String header, String before, String after) {
        return new Diff(header, before, after, List.of());
    }

    public static Diff fields(String header, List<FieldChange> fields) {
        return new Diff(header, null, null, fields);
    }

    public boolean isText() {
        return fields.isEmpty();
    }

    /** A text diff as Ansible registers it under {@code diff} in diff mode: before/after and their headers. */
    public java.util.Map<String, Object> registered() {
        java.util.Map<String, Object> result = new java.util.LinkedHashMap<>();
        result.put("after", after == null ? "" : after);
        result.put("after_header", header);
        result.put("before", before == null ? "" : before);
        result.put("before_header", header);
        return result;
    }
}
