package io.swarmplay.source;

import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.snakeyaml.engine.v2.schema.Schema;

import java.util.Map;
import java.util.regex.Pattern;

/** YAML 1.2 core schema plus the YAML 1.1 booleans ({@code yes/no/on/off}) Ansible accepts. */
final class AnsibleSchema implements Schema {

    static final Pattern YAML11_BOOL = Pattern.compile("yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF");

    private final CoreSchema core = new CoreSchema();
    private final ScalarResolver resolver = new AnsibleResolver();

    @Override
    public ScalarResolver getScalarResolver() {
        return resolver;
    }

    @Override
    public Map<Tag, ConstructNode> getSchemaTagConstructors() {
        return core.getSchemaTagConstructors();
    }

    /** Plain (implicit) scalars only: a quoted {@code "yes"} stays a string. */
    private static final class AnsibleResolver implements ScalarResolver {
        private final CoreScalarResolver coreResolver = new CoreScalarResolver();

        @Override
        public Tag resolve(String value, Boolean implicit) {
            if (implicit && YAML11_BOOL.matcher(value).matches()) return Tag.BOOL;
            return coreResolver.resolve(value, implicit);
        }
    }
}
