/** The {@code cifar10} command line: train, evaluate, compare and bench the Swarm Learning CIFAR-10 example model. */
package io.swarmplay.ml;
