package io.swarmplay.modules;

import io.swarmplay.module.Alias;
import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Default;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.Required;
import io.swarmplay.modules.support.ControlFiles;
import io.swarmplay.modules.support.ManagedFile;
import io.swarmplay.modules.support.Safeguards;
import io.swarmplay.module.Choices;
import io.swarmplay.template.TemplateVars;


/**
 * Renders a Jinja template from the control node ({@code templates/} next to the playbook) with
 * the host's variables and puts the result on the host, exactly as {@code copy} would.
 * <pre>{@code
 * - template:
 *     src: nginx.conf.j2
 *     dest: /etc/nginx/nginx.conf
 *     mode: "0644"
 * }</pre>
 */
@ModuleInfo(name = "template", checkMode = CheckSupport.FULL, diff = true)
public final class TemplateModule implements Module<TemplateModule.Args> {

    /**
     * Jinja's whitespace and delimiter settings as Ansible's template module takes them;
     * {@code unsafe_writes} and the SELinux/attribute arguments change nothing here.
     */
    public record Args(@Required(Required.SRC_AND_DEST) String src, @Required(Required.SRC_AND_DEST) @Alias("path") String dest, Object mode, String owner,
                       String group, @Default("true") boolean force, boolean backup, String validate,
                       @Default("true") boolean trim_blocks, boolean lstrip_blocks,
                       @Choices({"\\n", "\\r", "\\r\\n"}) String newline_sequence,
                       @Default("{%") String block_start_string, @Default("%}") String block_end_string,
                       @Default("{{") String variable_start_string, @Default("}}") String variable_end_string,
                       @Default("{#") String comment_start_string, @Default("#}") String comment_end_string,
                       @Default("utf-8") String output_encoding, boolean follow, boolean unsafe_writes,
                       @Alias("attr") String attributes, String seuser, String serole, String selevel, String setype) {
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        String text;
        java.nio.file.Path file = ControlFiles.find(host, args.src(), "templates");
        try {
            text = TemplateSyntax.of(args).render(host, file, TemplateVars.of(args.src(), file, args.dest()));
        } catch (io.swarmplay.module.ValueUnknownException e) {
            // what it holds depends on an earlier step; that it is created does not, when nothing is there
            if (host.stat(args.dest()).isPresent()) throw e;
            return Change.create("create " + args.dest() + " (content known after apply)");
        }
        byte[] bytes = text.getBytes(java.nio.charset.Charset.forName(args.output_encoding()));
        String dest = destination(args, host);
        return ManagedFile.plan(new ManagedFile.Desired(dest, bytes, mode(args.mode(), file), args.owner(), args.group(),
                args.force(), new Safeguards(args.backup(), args.validate())), host);
    }

    /** {@code mode: preserve} is the template file's own mode on the control node, as Ansible's template action reads it. */
    static Object mode(Object mode, java.nio.file.Path template) {
        if (!"preserve".equals(mode)) return mode;
        try {
            int bits = 0;
            for (java.nio.file.attribute.PosixFilePermission p : java.nio.file.Files.getPosixFilePermissions(template)) {
                bits |= 1 << (8 - p.ordinal());
            }
            return String.format("0%03o", bits);
        } catch (java.io.IOException e) {
            throw new io.swarmplay.module.ModuleException("cannot read the mode of " + template + ": " + e.getMessage());
        }
    }

    /**
     * Where the rendered file goes, as Ansible's template action hands it to copy: a dest that ends
     * with / or is a directory receives it under src's file name; with {@code follow} a dest that
     * is a symlink is written through to the file it points to.
     */
    static String destination(Args args, HostView host) {
        String dest = args.dest();
        String name = args.src().substring(args.src().lastIndexOf('/') + 1);
        if (dest.endsWith("/")) dest = dest + name;
        else if (host.stat(dest).map(io.swarmplay.connection.FileStat::isDirectory).orElse(false)) dest = dest + "/" + name;
        if (args.follow() && host.stat(dest).map(s -> s.type() == io.swarmplay.connection.FileStat.Type.LINK).orElse(false)) {
            dest = io.swarmplay.modules.support.RemoteTreeCopy.realPath(dest, host);
        }
        return dest;
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        return ManagedFile.apply(change, host);
    }
}
