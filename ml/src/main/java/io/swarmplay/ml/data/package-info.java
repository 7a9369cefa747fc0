/** Reading the CIFAR-10 binary format (directory or {@code cifar-10-binary.tar.gz}) and assembling float batches. */
package io.swarmplay.ml.data;
