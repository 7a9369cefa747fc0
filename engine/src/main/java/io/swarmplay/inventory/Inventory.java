package io.swarmplay.inventory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** STUB until the loader branch lands. */
public final class Inventory {
    public List<Host> hosts() { throw new UnsupportedOperationException(); }
    public Optional<Host> host(String name) { throw new UnsupportedOperationException(); }
    public Map<String, Group> groups() { throw new UnsupportedOperationException(); }
    public Map<String, List<String>> groupsVar() { throw new UnsupportedOperationException(); }
    public Map<String, Object> groupVarsFor(Host host) { throw new UnsupportedOperationException(); }
    public List<Host> select(String pattern) { throw new UnsupportedOperationException(); }
}
