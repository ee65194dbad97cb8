package dev.moss.store.installation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallationLockTest {
    @TempDir
    Path root;

    @Test
    void heldLockRefusesASecondWriterEvenAfterOtherDescriptorsOfTheFileClose() throws Exception {
        Installation inst = Installation.open(root);
        List<String> waits = new ArrayList<>();
        try (InstallationLock lock = InstallationLock.acquire(inst, false, waits::add)) {
            // a POSIX record lock would be gone after this close; a flock is not
            Files.readAllBytes(inst.lockFile());
            assertThatThrownBy(() -> InstallationLock.acquire(inst, false, waits::add))
                    .isInstanceOf(InstallationLockedException.class)
                    .hasMessageContaining(inst.lockFile().toString());
        }
        try (InstallationLock again = InstallationLock.acquire(inst, false, waits::add)) {
            assertThat(waits).isEmpty();
        }
    }

    @Test
    void waiterIsToldAndGetsTheLockWhenItIsReleased() throws Exception {
        Installation inst = Installation.open(root);
        List<String> waits = new CopyOnWriteArrayList<>();
        InstallationLock first = InstallationLock.acquire(inst, false, waits::add);
        Thread releaser = Thread.ofPlatform().start(() -> {
            try {
                while (waits.isEmpty()) {
                    Thread.sleep(10);
                }
                first.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try (InstallationLock second = InstallationLock.acquire(inst, true, waits::add)) {
            assertThat(waits).singleElement().asString().contains("waiting");
        }
        releaser.join();
    }
}
