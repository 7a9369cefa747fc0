/** The training loop: epochs, shuffling, validation, parameter sync rounds and the final save. */
package io.swarmplay.ml.train;
