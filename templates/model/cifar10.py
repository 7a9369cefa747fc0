"""CIFAR-10 with Swarm Learning: the model program that runs in every ML container.

swarmplay's version of the HPE example's model (examples/spire/cifar10): the same tiny Keras
network, optimiser, batch size and SwarmCallback settings, so that the Swarm run is the seed's.
It runs on HPE's runtime, inside the image the build task makes (TensorFlow 2.7 plus the Swarm
Learning client wheel); SwarmCallback exists only in Python, which is why this file is Python.

Environment contract (the run task sets MODEL_DIR, MAX_EPOCHS and MIN_PEERS):
  DATA_DIR    directory with cifar-10-python.tar.gz or cifar-10-batches-py/; when it holds
              neither (or is unset) the dataset is downloaded by keras.datasets.cifar10
  MODEL_DIR   output directory (default "model"); the final model goes to
              MODEL_DIR/saved_models/cifar10.h5 (Keras HDF5, as the seed) and
              MODEL_DIR/saved_models/cifar10/ (a TensorFlow SavedModel, which the Java tools
              under ml/ read: ml/cifar10 evaluate --model MODEL_DIR)
  MAX_EPOCHS  epochs (default 5)
  MIN_PEERS   fewest peers a Swarm sync round merges (default 2)
"""

import fcntl
import logging
import os
import pickle
import tarfile

import numpy as np
from tensorflow.keras.datasets import cifar10
from tensorflow.keras.layers import Activation, Conv2D, Dense, Flatten
from tensorflow.keras.models import Sequential
from tensorflow.keras.optimizers import RMSprop
from tensorflow.keras.utils import to_categorical

from swarmlearning.tf import SwarmCallback

BATCH_SIZE = 32
NUM_CLASSES = 10
SYNC_FREQUENCY = 128

DATA_DIR = os.getenv('DATA_DIR', '')
MODEL_DIR = os.getenv('MODEL_DIR', 'model')
MAX_EPOCHS = int(os.getenv('MAX_EPOCHS', '5'))
MIN_PEERS = int(os.getenv('MIN_PEERS', '2'))

SAVE_DIR = os.path.join(MODEL_DIR, 'saved_models')
H5_PATH = os.path.join(SAVE_DIR, 'cifar10.h5')
SAVEDMODEL_PATH = os.path.join(SAVE_DIR, 'cifar10')
# Every ML container of a host saves into the same bind-mounted MODEL_DIR at the same moment (the
# end of the last Swarm round); HDF5 locks cifar10.h5 while writing it, so a second writer fails.
# The final save therefore holds this lock (flock works across the containers of one host).
FINAL_SAVE_LOCK = os.path.join(SAVE_DIR, '.final-save.lock')

log = logging.getLogger('cifar10')


def _batches_from(open_member):
    """Reads the python-pickle batches through open_member(name) -> binary file object."""
    def load(name):
        with open_member(name) as f:
            batch = pickle.load(f, encoding='bytes')
        images = np.asarray(batch[b'data'], dtype=np.uint8).reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1)
        labels = np.asarray(batch[b'labels'], dtype=np.uint8).reshape(-1, 1)
        return images, labels

    parts = [load('data_batch_%d' % i) for i in range(1, 6)]
    x_train = np.concatenate([p[0] for p in parts])
    y_train = np.concatenate([p[1] for p in parts])
    x_test, y_test = load('test_batch')
    return (x_train, y_train), (x_test, y_test)


def load_data():
    """CIFAR-10 from DATA_DIR when it holds a copy, else keras' download (the seed's behaviour)."""
    if DATA_DIR:
        unpacked = os.path.join(DATA_DIR, 'cifar-10-batches-py')
        archive = os.path.join(DATA_DIR, 'cifar-10-python.tar.gz')
        if os.path.isdir(unpacked):
            log.info('Loading CIFAR-10 from %s', unpacked)
            return _batches_from(lambda name: open(os.path.join(unpacked, name), 'rb'))
        if os.path.isfile(archive):
            log.info('Loading CIFAR-10 from %s', archive)
            with tarfile.open(archive, 'r:gz') as tar:
                return _batches_from(lambda name: tar.extractfile('cifar-10-batches-py/' + name))
        log.warning('DATA_DIR=%s holds no CIFAR-10 copy; downloading it', DATA_DIR)
    return cifar10.load_data()


def build_model(input_shape):
    """The seed's tiny network: Conv2D(32, 3x3, same) + ReLU, Flatten, Dense(10) + softmax."""
    model = Sequential()
    model.add(Conv2D(32, (3, 3), padding='same', input_shape=input_shape))
    model.add(Activation('relu'))
    model.add(Flatten())
    model.add(Dense(NUM_CLASSES))
    model.add(Activation('softmax'))
    model.compile(loss='categorical_crossentropy',
                  optimizer=RMSprop(learning_rate=0.0001, decay=1e-6),
                  metrics=['accuracy'])
    return model


def main():
    logging.basicConfig(level=logging.INFO, format='%(asctime)s : %(name)s : %(levelname)s : %(message)s')
    (x_train, y_train), (x_test, y_test) = load_data()
    if x_train.shape != (50000, 32, 32, 3) or x_test.shape != (10000, 32, 32, 3):
        raise SystemExit('unexpected CIFAR-10 shapes: train %s, test %s' % (x_train.shape, x_test.shape))
    log.info('x_train shape: %s; %d train samples, %d test samples', x_train.shape, len(x_train), len(x_test))

    y_train = to_categorical(y_train, NUM_CLASSES)
    y_test = to_categorical(y_test, NUM_CLASSES)
    x_train = x_train.astype('float32') / 255
    x_test = x_test.astype('float32') / 255

    model = build_model(x_train.shape[1:])
    model.summary(print_fn=log.info)
    log.info('Starting training: epochs=%d batch_size=%d sync_frequency=%d min_peers=%d',
             MAX_EPOCHS, BATCH_SIZE, SYNC_FREQUENCY, MIN_PEERS)

    swarm_callback = SwarmCallback(syncFrequency=SYNC_FREQUENCY,
                                   minPeers=MIN_PEERS,
                                   useAdaptiveSync=False,
                                   adsValData=(x_test, y_test),
                                   adsValBatchSize=BATCH_SIZE)
    swarm_callback.logger.setLevel(logging.DEBUG)

    model.fit(x_train, y_train,
              batch_size=BATCH_SIZE,
              epochs=MAX_EPOCHS,
              validation_data=(x_test, y_test),
              shuffle=True,
              callbacks=[swarm_callback])

    swarm_callback.logger.info('Saving the final Swarm model ...')
    os.makedirs(SAVE_DIR, exist_ok=True)
    with open(FINAL_SAVE_LOCK, 'w') as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)   # one writer at a time; the others wait (same final model)
        model.save(H5_PATH)
        swarm_callback.logger.info('Saved the trained model - %s', H5_PATH)
        # a SavedModel directory beside the .h5: serving_default maps conv2d_input [N,32,32,3] to
        # the softmax output [N,10], which is what ml/cifar10 evaluate reads
        model.save(SAVEDMODEL_PATH, save_format='tf')
        swarm_callback.logger.info('Saved the trained model - %s', SAVEDMODEL_PATH)

    swarm_callback.logger.info('Starting inference on the test data ...')
    loss, accuracy = model.evaluate(x_test, y_test, verbose=1)
    swarm_callback.logger.info('Test loss = %.5f', loss)
    swarm_callback.logger.info('Test accuracy = %.5f', accuracy)


if __name__ == '__main__':
    main()
