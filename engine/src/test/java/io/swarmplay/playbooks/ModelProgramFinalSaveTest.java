package io.swarmplay.playbooks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Risk 7 of issue 17: both ML containers of a host save the final model into the same bind-mounted
 * model directory at the same moment, and HDF5 locks {@code cifar10.h5} while writing it. Two
 * copies of {@code templates/model/cifar10.py} run at once against stand-ins of TensorFlow and the
 * Swarm callback ({@code src/test/resources/model-stubs}, TEST DOUBLES whose {@code save} locks the
 * file like h5py): with the program's final-save lock both save; without it one fails.
 */
class ModelProgramFinalSaveTest {

    static final Path PROGRAM = LocalSwarm.REPO.resolve("templates/model/cifar10.py");
    static final Path STUBS = LocalSwarm.REPO.resolve("engine/src/test/resources/model-stubs");
    static final String LOCK = "with open(FINAL_SAVE_LOCK, 'w') as lock:";
    static final String FLOCK = "fcntl.flock(lock, fcntl.LOCK_EX)";

    @TempDir
    Path dir;

    record Saved(int exit, String log) {
    }

    /** Two runs of {@code program} started together, one MODEL_DIR. */
    List<Saved> twoContainersSave(Path program) throws IOException, InterruptedException {
        List<Process> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ProcessBuilder pb = new ProcessBuilder("python3", program.toString()).redirectErrorStream(true);
            pb.environment().put("PYTHONPATH", STUBS.toString());
            pb.environment().put("MODEL_DIR", dir.resolve("model").toString());
            pb.environment().put("SAVE_SECONDS", "3");   // long enough to overlap on a loaded machine
            pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
            runs.add(pb.start());
        }
        List<Saved> saved = new ArrayList<>();
        for (Process p : runs) {
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            saved.add(new Saved(p.waitFor(), log));
        }
        return saved;
    }

    @Test
    void bothMlContainersOfAHostSaveTheFinalModel() throws Exception {
        for (Saved s : twoContainersSave(PROGRAM)) {
            assertEquals(0, s.exit(), s.log());
            assertTrue(s.log().contains("Saved the trained model - " + dir.resolve("model/saved_models/cifar10.h5")), s.log());
        }
        assertEquals(2, Files.readAllLines(dir.resolve("model/saved_models/cifar10.h5")).size(), "one save after the other");
    }

    @Test
    void withoutTheFinalSaveLockOneOfThemFailsAsWithHdf5() throws Exception {
        String text = Files.readString(PROGRAM);
        assertTrue(text.contains(LOCK) && text.contains(FLOCK), "the program's final-save lock");
        Path unlocked = dir.resolve("unlocked.py");
        Files.writeString(unlocked, text.replace(LOCK, "if True:").replace(FLOCK, "pass"));
        List<Saved> saved = twoContainersSave(unlocked);
        long failed = saved.stream().filter(s -> s.exit() != 0).count();
        assertEquals(1, failed, saved.toString());
        assertTrue(saved.stream().anyMatch(s -> s.log().contains("unable to lock file")), saved.toString());
    }
}
