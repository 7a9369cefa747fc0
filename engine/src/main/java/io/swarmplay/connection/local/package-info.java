/**
 * The {@code local} connection: commands run as child processes of swarmplay and files are read
 * and written through NIO on the control node itself.
 */
package io.swarmplay.connection.local;
