package io.swarmplay.inventory;

import io.swarmplay.source.Diagnostics;

import java.util.List;

/** STUB until the loader branch lands. */
public final class InventoryLoader {
    public static Inventory load(List<String> sources, Diagnostics diagnostics) { throw new UnsupportedOperationException(); }
}
