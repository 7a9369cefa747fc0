# TEST DOUBLE of the tensorflow.keras names templates/model/cifar10.py imports (ModelProgramFinalSaveTest)
import fcntl
import os
import sys
import time
import types


class _Data:
    def __init__(self, n):
        self.shape = (n, 32, 32, 3)

    def __len__(self):
        return self.shape[0]

    def astype(self, _):
        return self

    def __truediv__(self, _):
        return self


class _Model:
    def add(self, layer):
        pass

    def compile(self, **kwargs):
        pass

    def summary(self, print_fn=print):
        print_fn('TEST DOUBLE model')

    def fit(self, *args, **kwargs):
        pass

    def evaluate(self, *args, **kwargs):
        return 0.5, 0.5

    def save(self, path, save_format='h5'):
        """Like h5py: the file is locked (non-blocking) while it is written; a second writer fails."""
        target = os.path.join(path, 'saved_model.pb') if save_format == 'tf' else path
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, 'a') as f:
            try:
                fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                raise OSError('Unable to create file (unable to lock file, errno = 11, '
                              'error message = \'Resource temporarily unavailable\')')
            time.sleep(float(os.getenv('SAVE_SECONDS', '1')))
            f.write('saved by pid %d\n' % os.getpid())


def _module(name, **attrs):
    m = types.ModuleType(name)
    m.__dict__.update(attrs)
    sys.modules[name] = m
    return m


def _layer(*args, **kwargs):
    return None


datasets = _module('tensorflow.keras.datasets')
datasets.cifar10 = _module('tensorflow.keras.datasets.cifar10',
                           load_data=lambda: ((_Data(50000), _Data(50000)), (_Data(10000), _Data(10000))))
layers = _module('tensorflow.keras.layers', Activation=_layer, Conv2D=_layer, Dense=_layer, Flatten=_layer)
models = _module('tensorflow.keras.models', Sequential=_Model)
optimizers = _module('tensorflow.keras.optimizers', RMSprop=_layer)
utils = _module('tensorflow.keras.utils', to_categorical=lambda y, n: y)
