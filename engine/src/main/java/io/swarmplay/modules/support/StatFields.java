package io.swarmplay.modules.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stat fields Ansible's {@code stat} and {@code find} register (mode, the type flags, owner,
 * size, times, inode, permission flags), read from one line of GNU {@code stat -c} {@link #FORMAT}.
 */
public final class StatFields {

    /** The {@code stat -c} format {@link #parse} reads; more fields may follow after a {@code |}. */
    public static final String FORMAT = "%f|%u|%g|%U|%G|%s|%.9X|%.9Y|%.9Z|%i|%d|%h";
    /** How many {@code |}-separated fields {@link #FORMAT} prints. */
    public static final int COUNT = 12;
    private static final String[] PERMISSIONS = {"rusr", "wusr", "xusr", "rgrp", "wgrp", "xgrp", "roth", "woth", "xoth"};

    private StatFields() {
    }

    /** The raw mode (type and permission bits) of a line. */
    public static int rawMode(String[] f) {
        return Integer.parseInt(f[0], 16);
    }

    /** The fields of a line split on {@code |}, in Ansible's names. */
    public static Map<String, Object> parse(String[] f) {
        Map<String, Object> fields = new LinkedHashMap<>();
        int raw = rawMode(f);
        int type = raw & 0170000;
        fields.put("mode", String.format("%04o", raw & 07777));
        fields.put("isdir", type == 0040000);
        fields.put("ischr", type == 0020000);
        fields.put("isblk", type == 0060000);
        fields.put("isreg", type == 0100000);
        fields.put("isfifo", type == 0010000);
        fields.put("islnk", type == 0120000);
        fields.put("issock", type == 0140000);
        fields.put("uid", Long.parseLong(f[1]));
        fields.put("gid", Long.parseLong(f[2]));
        fields.put("pw_name", f[3]);
        fields.put("gr_name", f[4]);
        fields.put("size", Long.parseLong(f[5]));
        fields.put("atime", Double.parseDouble(f[6]));
        fields.put("mtime", Double.parseDouble(f[7]));
        fields.put("ctime", Double.parseDouble(f[8]));
        fields.put("inode", Long.parseLong(f[9]));
        fields.put("dev", Long.parseLong(f[10]));
        fields.put("nlink", Long.parseLong(f[11]));
        for (int i = 0; i < PERMISSIONS.length; i++) fields.put(PERMISSIONS[i], (raw & (0400 >> i)) != 0);
        fields.put("isuid", (raw & 04000) != 0);
        fields.put("isgid", (raw & 02000) != 0);
        return fields;
    }
}
