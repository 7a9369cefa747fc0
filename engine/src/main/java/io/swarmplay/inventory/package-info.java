/**
 * Which machines exist and what variables they carry: {@link io.swarmplay.inventory.Inventory},
 * {@link io.swarmplay.inventory.Host}, {@link io.swarmplay.inventory.Group},
 * {@link io.swarmplay.inventory.HostPattern} and the {@link io.swarmplay.inventory.InventoryLoader}.
 */
package io.swarmplay.inventory;
