# TEST DOUBLE of swarmlearning.tf (ModelProgramFinalSaveTest): a callback with a logger
import logging


class SwarmCallback:
    def __init__(self, **kwargs):
        self.logger = logging.getLogger('SwarmCallback')
