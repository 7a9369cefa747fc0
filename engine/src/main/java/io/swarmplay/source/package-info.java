/** Reading YAML with positions ({@link io.swarmplay.source.YamlReader}) and reporting problems against them ({@link io.swarmplay.source.Diagnostics}). */
package io.swarmplay.source;
