package io.trendline.localstack.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads {@code postmaster.pid}: line 1 is the postmaster's pid, line 2 its data directory. */
record PostmasterPidFile(long pid, Path dataDirectory) {

    static final String NAME = "postmaster.pid";

    static Optional<PostmasterPidFile> read(Path pgdata) {
        try {
            List<String> lines = Files.readAllLines(pgdata.resolve(NAME));
            if (lines.size() < 2 || !lines.get(0).trim().matches("\\d+")) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            return Optional.of(new PostmasterPidFile(pid, Path.of(lines.get(1).trim())));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + pgdata.resolve(NAME), e);
        }
    }
}
