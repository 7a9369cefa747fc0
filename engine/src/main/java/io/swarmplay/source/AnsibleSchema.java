package io.swarmplay.source;

import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.snakeyaml.engine.v2.schema.Schema;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The YAML 1.1 resolution of plain scalars that Ansible's loader (PyYAML) applies: {@code yes/no/on/off}
 * booleans (not {@code y/n}), octal {@code 0777}, binary {@code 0b101}, {@code 1_000}, sexagesimal
 * {@code 1:20}, floats only with a dot ({@code 1e3} is a string), {@code ~} and empty as null. A
 * quoted scalar is always a string. {@link NodeConverter.ScalarValues} turns the text into the value.
 */
final class AnsibleSchema implements Schema {

    static final Pattern BOOL = Pattern.compile("yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
    static final Pattern INT = Pattern.compile("[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
            + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
    static final Pattern FLOAT = Pattern.compile("[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9_]+(?:[eE][-+][0-9]+)?"
            + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
    static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");

    private final CoreSchema core = new CoreSchema();
    private final ScalarResolver resolver = new Yaml11Resolver();

    @Override
    public ScalarResolver getScalarResolver() {
        return resolver;
    }

    @Override
    public Map<Tag, ConstructNode> getSchemaTagConstructors() {
        return core.getSchemaTagConstructors();
    }

    /** Plain (implicit) scalars only: a quoted {@code "yes"} stays a string. */
    private static final class Yaml11Resolver implements ScalarResolver {
        private final CoreScalarResolver coreResolver = new CoreScalarResolver();

        @Override
        public Tag resolve(String value, Boolean implicit) {
            if (!implicit) return Tag.STR;
            if (BOOL.matcher(value).matches()) return Tag.BOOL;
            if (INT.matcher(value).matches()) return Tag.INT;
            if (FLOAT.matcher(value).matches()) return Tag.FLOAT;
            if (NULL.matcher(value).matches()) return Tag.NULL;
            return value.equals("<<") ? coreResolver.resolve(value, implicit) : Tag.STR;
        }
    }
}
