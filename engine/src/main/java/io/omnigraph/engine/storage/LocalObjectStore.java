package io.omnigraph.engine.storage;

import io.omnigraph.engine.error.OmniGraphException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** {@link ObjectStore} over a local directory. */
public final class LocalObjectStore implements ObjectStore {
  private final Path root;

  public LocalObjectStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public String root() {
    return root.toString();
  }

  @Override
  public String uri(String relativePath) {
    return root.resolve(relativePath).toString();
  }

  @Override
  public boolean appendable() {
    return true;
  }

  @Override
  public Optional<AppendFile> openAppend(String relativePath) {
    return Optional.of(new LocalAppendFile(root.resolve(relativePath)));
  }

  @Override
  public Optional<String> read(String relativePath) {
    try {
      return Optional.of(Files.readString(root.resolve(relativePath), StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw OmniGraphException.storage("cannot read " + relativePath + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void write(String relativePath, String content) {
    Path target = root.resolve(relativePath);
    try {
      Files.createDirectories(target.getParent());
      Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw OmniGraphException.storage("cannot write " + relativePath + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean createExclusive(String relativePath, String content) {
    Path target = root.resolve(relativePath);
    try {
      Files.createDirectories(target.getParent());
      Files.writeString(target, content, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
          java.nio.file.StandardOpenOption.WRITE);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      throw OmniGraphException.storage("cannot create " + relativePath + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean exists(String relativePath) {
    return Files.exists(root.resolve(relativePath));
  }

  @Override
  public void delete(String relativePath) {
    try {
      Files.deleteIfExists(root.resolve(relativePath));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Optional<StoreLock> tryLock(String relativePath) {
    Path target = root.resolve(relativePath);
    FileChannel channel = null;
    try {
      Files.createDirectories(target.getParent());
      channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        return Optional.empty();
      }
      FileChannel held = channel;
      return Optional.of(() -> {
        try {
          held.close();
        } catch (IOException e) {
          throw OmniGraphException.storage("cannot release lock " + relativePath + ": " + e.getMessage(), e);
        }
      });
    } catch (OverlappingFileLockException e) {
      // Another handle of this same process holds it: the JVM owns file locks, not channels.
      closeQuietly(channel);
      return Optional.empty();
    } catch (IOException e) {
      closeQuietly(channel);
      throw OmniGraphException.storage("cannot lock " + relativePath + ": " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel == null) return;
    try {
      channel.close();
    } catch (IOException ignored) {
      // the lock was not taken; nothing is held
    }
  }

  @Override
  public List<String> list(String relativeDir) {
    Path dir = root.resolve(relativeDir);
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
    } catch (IOException e) {
      throw OmniGraphException.storage("cannot list " + relativeDir + ": " + e.getMessage(), e);
    }
  }
}
