package io.swarmplay.modules.python;

import io.swarmplay.module.ModuleException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * ansible-core's {@code ansible.module_utils} package from the control node's Python, as one zip
 * that a module's host puts on its {@code sys.path} (what Ansible's AnsiballZ payload carries,
 * whole instead of only the files a module imports: the host needs no Ansible). Built once per
 * interpreter and run.
 */
final class ModuleUtils {

    private static final Map<Path, byte[]> ZIPS = new ConcurrentHashMap<>();
    private static final Map<Path, Path> PACKAGES = new ConcurrentHashMap<>();
    private static final String LOCATE = "import os, ansible.module_utils as m; print(os.path.dirname(os.path.dirname(m.__file__)))";

    private ModuleUtils() {
    }

    /** The zip for {@code python} (the control node's); a {@link ModuleException} when it has no ansible-core. */
    static byte[] zip(Path python) {
        return ZIPS.computeIfAbsent(python, ModuleUtils::build);
    }

    /** The {@code ansible} package directory of {@code python}; a {@link ModuleException} when it has no ansible-core. */
    static Path ansiblePackage(Path python) {
        return PACKAGES.computeIfAbsent(python, ModuleUtils::locate);
    }

    private static byte[] build(Path python) {
        Path ansible = ansiblePackage(python);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(ansible.resolve("module_utils"))) {
            add(zip, "ansible/__init__.py", new byte[0]); // the package only: ansible's own __init__ needs the controller
            for (Path file : files.filter(ModuleUtils::shipped).sorted().toList()) {
                add(zip, "ansible/" + ansible.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ModuleException("cannot read ansible-core's module_utils under " + ansible + ": " + e.getMessage());
        }
        return bytes.toByteArray();
    }

    private static boolean shipped(Path file) {
        return Files.isRegularFile(file) && !file.toString().contains("__pycache__") && !file.toString().endsWith(".pyc");
    }

    private static void add(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    /** The {@code ansible} package directory of {@code python}. */
    private static Path locate(Path python) {
        try {
            Process process = new ProcessBuilder(List.of(python.toString(), "-c", LOCATE)).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0 && Files.isDirectory(Path.of(out, "module_utils"))) {
                return Path.of(out);
            }
            throw new ModuleException("Python modules need ansible-core's module_utils on the control node, and " + python
                    + " cannot import ansible.module_utils: install ansible-core for it, or set SWARMPLAY_PYTHON to a Python 3 that has it");
        } catch (IOException e) {
            throw new ModuleException("cannot start " + python + " to find ansible-core's module_utils: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModuleException("interrupted while looking for ansible-core's module_utils");
        }
    }
}
