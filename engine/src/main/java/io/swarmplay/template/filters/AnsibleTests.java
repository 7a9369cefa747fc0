package io.swarmplay.template.filters;

import com.hubspot.jinjava.lib.exptest.ExpTest;
import io.swarmplay.template.Unknown;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Jinja and Ansible tests: defined, none, match/search/regex, succeeded/failed/changed/skipped, types, version, ... */
public final class AnsibleTests {

    private AnsibleTests() {
    }

    public static List<ExpTest> all() {
        return List.of(
                AnsibleTest.handlingUnknown("defined", (v, a) -> defined(v, a)),
                AnsibleTest.handlingUnknown("undefined", (v, a) -> !defined(v, a)),
                AnsibleTest.of("none", (v, a) -> v == null),
                AnsibleTest.of("match", (v, a) -> regex(v, a, "match")),
                AnsibleTest.of("search", (v, a) -> regex(v, a, "search")),
                AnsibleTest.of("regex", (v, a) -> regex(v, a, a.string(3, "match_type", "search"))),
                AnsibleTest.of("succeeded", (v, a) -> !flag(v, "failed", "succeeded")),
                AnsibleTest.of("success", (v, a) -> !flag(v, "failed", "success")),
                AnsibleTest.of("successful", (v, a) -> !flag(v, "failed", "successful")),
                AnsibleTest.of("unreachable", (v, a) -> flag(v, "unreachable", "unreachable")),
                AnsibleTest.of("reachable", (v, a) -> !flag(v, "unreachable", "reachable")),
                AnsibleTest.of("subset", (v, a) -> subset(v, a.get(0, null))),
                AnsibleTest.of("issubset", (v, a) -> subset(v, a.get(0, null))),
                AnsibleTest.of("superset", (v, a) -> subset(a.get(0, null), v)),
                AnsibleTest.of("issuperset", (v, a) -> subset(a.get(0, null), v)),
                AnsibleTest.of("any", (v, a) -> Values.list(v, "any").stream().anyMatch(Values::truthy)),
                AnsibleTest.of("all", (v, a) -> Values.list(v, "all").stream().allMatch(Values::truthy)),
                AnsibleTest.of("nan", (v, a) -> v instanceof Double d && d.isNaN()),
                AnsibleTest.of("isnan", (v, a) -> v instanceof Double d && d.isNaN()),
                AnsibleTest.of("uri", (v, a) -> UrlFilters.isUri(v, a.get(0, "schemes"))),
                AnsibleTest.of("url", (v, a) -> UrlFilters.isUrl(v, a.get(0, "schemes"))),
                AnsibleTest.of("urn", (v, a) -> UrlFilters.isUri(v, List.of("urn"))),
                AnsibleTest.of("finished", (v, a) -> asyncFlag(v, "finished")),
                AnsibleTest.of("started", (v, a) -> asyncFlag(v, "started")),
                AnsibleTest.of("integer", (v, a) -> v instanceof Integer || v instanceof Long),
                AnsibleTest.of("float", (v, a) -> v instanceof Double || v instanceof Float),
                AnsibleTest.of("exists", (v, a) -> Files.exists(path(v))),
                AnsibleTest.of("file", (v, a) -> Files.isRegularFile(path(v))),
                AnsibleTest.of("is_file", (v, a) -> Files.isRegularFile(path(v))),
                AnsibleTest.of("directory", (v, a) -> Files.isDirectory(path(v))),
                AnsibleTest.of("is_dir", (v, a) -> Files.isDirectory(path(v))),
                AnsibleTest.of("link", (v, a) -> Files.isSymbolicLink(path(v))),
                AnsibleTest.of("link_exists", (v, a) -> Files.exists(path(v), java.nio.file.LinkOption.NOFOLLOW_LINKS)),
                AnsibleTest.of("is_link", (v, a) -> Files.isSymbolicLink(path(v))),
                AnsibleTest.of("abs", (v, a) -> Values.str(v).startsWith("/")),
                AnsibleTest.of("is_abs", (v, a) -> Values.str(v).startsWith("/")),
                AnsibleTest.of("same_file", (v, a) -> sameFile(v, a.get(0, null))),
                AnsibleTest.of("is_same_file", (v, a) -> sameFile(v, a.get(0, null))),
                AnsibleTest.of("mount", (v, a) -> isMount(v)),
                AnsibleTest.of("is_mount", (v, a) -> isMount(v)),
                AnsibleTest.of("vault_encrypted", (v, a) -> VaultFilters.isEncrypted(v)),
                // Jinja's callable(): no value a playbook holds (data, a variable) can be called
                AnsibleTest.of("callable", (v, a) -> false),
                AnsibleTest.of("lower", (v, a) -> cased(Values.str(v), false)),
                AnsibleTest.of("upper", (v, a) -> cased(Values.str(v), true)),
                AnsibleTest.of("failed", (v, a) -> flag(v, "failed", "failed")),
                AnsibleTest.of("failure", (v, a) -> flag(v, "failed", "failure")),
                AnsibleTest.of("changed", (v, a) -> changed(v, "changed")),
                AnsibleTest.of("change", (v, a) -> changed(v, "change")),
                AnsibleTest.of("skipped", (v, a) -> flag(v, "skipped", "skipped")),
                AnsibleTest.of("skip", (v, a) -> flag(v, "skipped", "skip")),
                AnsibleTest.of("string", (v, a) -> v instanceof CharSequence),
                AnsibleTest.of("number", (v, a) -> v instanceof Number),
                AnsibleTest.of("boolean", (v, a) -> v instanceof Boolean),
                AnsibleTest.of("mapping", (v, a) -> v instanceof Map),
                AnsibleTest.of("sequence", (v, a) -> v instanceof Collection || v instanceof CharSequence),
                AnsibleTest.of("iterable", (v, a) -> v instanceof Iterable || v instanceof Map || v instanceof CharSequence),
                AnsibleTest.of("truthy", AnsibleTests::truthy),
                AnsibleTest.of("falsy", (v, a) -> !truthy(v, a)),
                AnsibleTest.of("sameas", (v, a) -> sameAs(v, a.get(0, null))),
                AnsibleTest.of("in", (v, a) -> contains(a.get(0, null), v)),
                AnsibleTest.of("contains", (v, a) -> contains(v, a.get(0, null))),
                AnsibleTest.of("version", AnsibleTests::version),
                AnsibleTest.of("version_compare", AnsibleTests::version));
    }

    /** Undefined values are not defined (and so no longer an error); Unknown ones are defined. */
    static boolean defined(Object v, Args a) {
        if (v instanceof Undefined u) {
            a.scope().consume(u);
            return false;
        }
        if (v instanceof Unknown u) a.scope().known(u);
        return true;
    }

    static boolean regex(Object v, Args a, String type) {
        var pattern = RegexFilters.compile(type, a.string(0, "pattern", ""), a.bool(1, "ignorecase", false), a.bool(2, "multiline", false));
        var m = pattern.matcher(Values.str(v));
        return type.equals("match") ? m.lookingAt() : type.equals("fullmatch") ? m.matches() : m.find();
    }

    /** A registered result's flag ({@code failed}, {@code changed}, {@code skipped}), false when absent. */
    static boolean flag(Object v, String key, String test) {
        Object value = Values.unwrap(v);
        if (!(value instanceof Map<?, ?> m)) {
            throw new FilterException("the '" + test + "' test expects a registered result (a mapping), got a " + Values.typeName(value));
        }
        return TypeFilters.bool(m.get(key));
    }

    /** {@code changed}: the result's own flag; without one, whether any of its loop {@code results} changed (Ansible 2.14). */
    static boolean changed(Object v, String test) {
        if (Values.unwrap(v) instanceof Map<?, ?> m && !m.containsKey("changed") && m.get("results") instanceof List<?> results
                && !results.isEmpty() && results.get(0) instanceof Map<?, ?>) {
            return results.stream().anyMatch(r -> r instanceof Map<?, ?> item && TypeFilters.bool(item.get("changed")));
        }
        return flag(v, "changed", test);
    }

    /** An async result's {@code finished}/{@code started} is 1; a result without the key counts as true (not async). */
    static boolean asyncFlag(Object v, String test) {
        Object value = Values.unwrap(v);
        if (!(value instanceof Map<?, ?> m)) throw new FilterException("The '" + test + "' test expects a dictionary");
        if (!m.containsKey(test)) return true;
        Object flag = Values.unwrap(m.get(test));
        return flag instanceof Number n ? n.doubleValue() == 1 : Boolean.TRUE.equals(flag);
    }

    /** Every item of {@code small} is in {@code big} (Ansible's {@code subset}/{@code issubset}). */
    static boolean subset(Object small, Object big) {
        List<Object> all = Values.list(big, "subset");
        return Values.list(small, "subset").stream().allMatch(item -> Values.contains(all, item));
    }

    /** Control-node paths (file tests run where the template renders, as in Ansible); {@code ~} is the home directory. */
    private static Path path(Object v) {
        String text = Values.str(v);
        return Path.of(text.startsWith("~") ? System.getProperty("user.home") + text.substring(1) : text);
    }

    private static boolean sameFile(Object a, Object b) {
        try {
            return Files.isSameFile(path(a), path(b));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static boolean isMount(Object v) {
        try {
            Path p = path(v).toRealPath();
            Path parent = p.getParent();
            return parent == null || !Files.getFileStore(p).equals(Files.getFileStore(parent))
                    || !Files.getAttribute(p, "unix:dev").equals(Files.getAttribute(parent, "unix:dev"));
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    static boolean sameAs(Object v, Object other) {
        if (v == null || other == null || v instanceof Boolean) return v == null ? other == null : v.equals(other);
        return Values.unwrap(v) == Values.unwrap(other);
    }

    static boolean contains(Object container, Object item) {
        Object c = Values.unwrap(container);
        if (c instanceof CharSequence s) return s.toString().contains(Values.str(item));
        if (c instanceof Map<?, ?> m) return Values.contains(m.keySet(), item);
        if (c instanceof Collection<?> col) return Values.contains(col, item);
        throw FilterException.typeError("argument of type '" + TypeFilters.pythonType(c) + "' is not iterable"); // Python's `in`
    }

    /** Python truthiness; with {@code convert_bool=True} a boolean word ({@code yes}, {@code off}, {@code 1}, ...) first becomes its boolean. */
    static boolean truthy(Object v, Args a) {
        if (a.bool(0, "convert_bool", false) && v instanceof CharSequence text) {
            String word = text.toString().strip().toLowerCase(java.util.Locale.ROOT);
            if (List.of("y", "yes", "on", "1", "true", "t").contains(word)) return true;
            if (List.of("n", "no", "off", "0", "false", "f").contains(word)) return false;
        }
        return Values.truthy(v);
    }

    /** {@code version(other, operator='eq', strict=None, version_type=None)} as Ansible 2.14 compares versions. */
    static boolean version(Object v, Args a) {
        return Versions.test(v, a.get(0, "version"), a.get(1, "operator", "eq"), a.get(2, "strict"), a.get(3, "version_type"));
    }

    /** Python's {@code str.isupper()}/{@code islower()}: some cased character, and every one in that case. */
    private static boolean cased(String text, boolean upper) {
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isUpperCase(c) || Character.isLowerCase(c) || Character.isTitleCase(c)) {
                if (upper ? !Character.isUpperCase(c) : !Character.isLowerCase(c)) return false;
                any = true;
            }
        }
        return any;
    }
}
