package io.swarmplay.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.loader.ResourceLocator;
import com.hubspot.jinjava.loader.ResourceNotFoundException;
import io.swarmplay.template.filters.Values;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where {@code {% include %}}, {@code {% import %}} and {@code {% extends %}} find a template, as
 * Ansible's template search path: the directory of the template being rendered, then the
 * {@code templates/} of the role and of the playbook, then the playbook's directory.
 */
final class TemplateIncludes implements ResourceLocator {

    @Override
    public String getString(String fullName, Charset encoding, JinjavaInterpreter interpreter) throws IOException {
        for (Path dir : searchPath(interpreter)) {
            Path candidate = dir.resolve(fullName).normalize();
            if (Files.isRegularFile(candidate)) return Files.readString(candidate, encoding);
        }
        throw new ResourceNotFoundException("couldn't find resource: " + fullName);
    }

    private static List<Path> searchPath(JinjavaInterpreter interpreter) {
        List<Path> dirs = new ArrayList<>();
        if (!(interpreter instanceof Engine.Interpreter in)) return dirs;
        RenderState state = in.state();
        Path file = state.at().file();
        if (file != null && file.toAbsolutePath().getParent() != null) dirs.add(file.toAbsolutePath().getParent());
        for (String var : List.of("role_path", "playbook_dir")) {
            if (Values.toPlain(state.vars().get(var)) instanceof String dir) {
                dirs.add(Path.of(dir, "templates"));
                dirs.add(Path.of(dir));
            }
        }
        return dirs;
    }
}
