package io.swarmplay.template;

import io.swarmplay.template.filters.PyDateTime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables Ansible adds while rendering a template file (the {@code template} module and
 * lookup): {@code template_host}, {@code template_path} (as written), {@code template_fullpath},
 * {@code template_uid}, {@code template_mtime}, {@code template_run_date},
 * {@code template_destpath} (the module's {@code dest}, else None) and {@code ansible_managed}.
 * They take precedence over the host's variables.
 */
public final class TemplateVars {

    /** Ansible's default {@code ansible_managed} text (ansible.cfg's {@code DEFAULT_MANAGED_STR}). */
    static final String MANAGED = "Ansible managed";

    private TemplateVars() {
    }

    /** The variables for the template {@code path} as the task wrote it, found at {@code file}; {@code dest} may be null. */
    public static Map<String, Object> of(String path, Path file, String dest) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("template_host", controlHost());
        vars.put("template_path", path);
        vars.put("template_mtime", modified(file));
        vars.put("template_uid", owner(file));
        vars.put("template_run_date", new PyDateTime(LocalDateTime.now()));
        vars.put("template_destpath", dest);
        vars.put("template_fullpath", file.toAbsolutePath().normalize().toString());
        vars.put("ansible_managed", MANAGED);
        return vars;
    }

    /** The control node's name as the kernel knows it ({@code os.uname()[1]}): no DNS lookup, which may hang. */
    public static String controlHost() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (IOException again) {
                return "localhost";
            }
        }
    }

    private static Object modified(Path file) {
        try {
            return new PyDateTime(LocalDateTime.ofInstant(Files.getLastModifiedTime(file).toInstant(), ZoneId.systemDefault()));
        } catch (IOException e) {
            return null;
        }
    }

    private static String owner(Path file) {
        try {
            return Files.getOwner(file).getName();
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }
}
