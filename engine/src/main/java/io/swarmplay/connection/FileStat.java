package io.swarmplay.connection;

/**
 * What is at a path.
 *
 * @param type   file, directory, link or other
 * @param mode   permission bits (e.g. 0644)
 * @param size   size in bytes
 * @param owner  owner's user name
 * @param group  group name
 * @param target a link's target, else null
 */
public record FileStat(Type type, int mode, long size, String owner, String group, String target) {

    public enum Type { FILE, DIRECTORY, LINK, OTHER }

    public boolean isFile() {
        return type == Type.FILE;
    }

    public boolean isDirectory() {
        return type == Type.DIRECTORY;
    }

    /** The mode as Ansible prints it: four octal digits, e.g. {@code 0644}. */
    public String modeOctal() {
        return String.format("%04o", mode);
    }
}
