package mramcim.model.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files written beside their target and renamed into place, so that a kill or a full disk never
 * leaves half a file, and an old file stays whole until the new one is complete.
 */
public final class AtomicFiles {

    private AtomicFiles() {}

    /**
     * Writes {@code text} to {@code file} through a temporary sibling, creating the parent folder.
     *
     * @param what what the file is, for the message of a failure ("configuration", "network")
     * @throws UncheckedIOException naming the file when it cannot be written; the temporary file is gone
     */
    public static void writeString(Path file, String text, String what) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = dir.resolve(
                "." + file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(dir);
            Files.writeString(tmp, text);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the write already failed; its message is the one that matters
            }
            throw new UncheckedIOException("cannot write " + what + " " + file + ": " + e.getMessage(), e);
        }
    }
}
