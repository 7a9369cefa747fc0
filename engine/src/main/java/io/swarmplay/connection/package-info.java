/**
 * The connection SPI: how swarmplay runs commands and moves files on a host
 * ({@link io.swarmplay.connection.Connection}), and how connections are opened
 * ({@link io.swarmplay.connection.ConnectionFactory}, discovered with ServiceLoader).
 * Implementations live in sub-packages ({@code local}, later {@code ssh} and {@code docker}).
 */
package io.swarmplay.connection;
