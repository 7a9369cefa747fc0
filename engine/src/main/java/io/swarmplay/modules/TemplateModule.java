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

import java.nio.charset.StandardCharsets;

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

    public record Args(@Required String src, @Required @Alias("path") String dest, Object mode, String owner,
                       String group, @Default("true") boolean force) {
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        String text = host.renderTemplate(ControlFiles.find(host, args.src(), "templates"));
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return ManagedFile.plan(new ManagedFile.Desired(args.dest(), bytes, args.mode(), args.owner(), args.group(),
                args.force()), host);
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        return ManagedFile.apply(change, host);
    }
}
